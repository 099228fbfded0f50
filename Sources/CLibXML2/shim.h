// libxml2's HTML and XML parsers for Sitrep.
//
// Debian's libxml2 headers include the system ICU, whose types clash with
// Foundation's own ICU in the same Swift module ("'UErrorCode' has different
// definitions"); Sitrep does not use libxml2's ICU support, so it is switched
// off right after the version header defines it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
