import SitrepCLI

SitrepCommand.main()
