#!/usr/bin/env python3
"""Headless-Chromium test of the Sitrep web UI served by `sitrep serve`.

Usage:
    scripts/browser-test.py --url http://127.0.0.1:PORT --screenshots DIR [--skip-xss] [--article ID ...]
                            [--chromium /usr/bin/chromium] [--chromedriver /usr/bin/chromedriver]
                            [--timeout SECONDS]

Needs selenium (`pip install selenium`) and Debian's Chromium
(`apt-get install -y chromium chromium-driver`). Without them it prints why and
exits 77, which the Swift test treats as "skipped".

What it checks, in one browser session:
  1. Dashboard `#/`: the event list fills (`#event-list tr[data-event-id]`); the
     timeline, map and network SVGs have bars, country outlines + place circles,
     and nodes + edges; the header shows /api/stats counts.
  2. Chart clicks filter: a timeline day sets since/until, a network node sets
     actor, a map circle sets place; each time the form shows the value and the
     event list reloads.
  3. Event view: clicking an event row opens `#/event/ID` with mentions
     (`#mention-list [data-article-id]`).
  4. Article view: the first mention opens `#/article/ID`; `#article-text` has
     highlighted spans, its textContent equals the API's `text` exactly (so code
     point offsets were cut correctly), hovering an event trigger shows a tooltip
     with its code, and a layer toggle hides its layer. The same text checks run
     on the XSS article and on every `--article ID`.
  5. Article list: the nav link opens `#/articles`, whose rows
     (`#article-list tr[data-article-id]`) are the API's first page, newest
     first; typing `window.__xss` into the search box (`#search-q`) + Enter
     lists just the API's matches, the hostile title as literal text; clicking a
     row opens `#/article/ID`, whose breadcrumb links back to the search.
     Story versions: an article of a story with several articles lists the
     others (`#story-versions`); one alone in its story lists none.
  6. XSS: the article whose title contains `<script>window.__xss=1</script><b>x</b>`
     (found through /api/articles?q=) shows the title as literal text, creates no
     <script>/<b> element, and `window.__xss` stays undefined (skip with --skip-xss
     when the store has no such fixture; it also skips the search in 5).
  7. No JavaScript errors in the console (goog:loggingPrefs browser log, SEVERE):
     this also catches any request the UI makes that the API answers with a 4xx.

Saves a screenshot of each view into DIR, prints a line per check, then one JSON
summary line, and exits 0 when every check passed, 1 otherwise (2 on bad usage).
"""
import argparse
import json
import os
import shutil
import sys
import time
import urllib.parse
import urllib.request

SKIP = 77
XSS_NEEDLE = "window.__xss"
XSS_TITLE = "<script>window.__xss=1</script><b>x</b>"


def skip(message):
    print(f"browser-test: SKIP: {message}", file=sys.stderr)
    print(json.dumps({"ok": None, "skipped": True, "reason": message}))
    sys.exit(SKIP)


try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    selenium_missing = True
else:
    selenium_missing = False


class CheckFailed(Exception):
    pass


class Run:
    """Holds the driver and the results; each check() is recorded by name."""

    def __init__(self, args):
        self.args = args
        self.base = args.url.rstrip("/")
        self.results = []
        self.screenshots = []
        self.console_errors = []
        self.driver = None

    # -- helpers ---------------------------------------------------------------

    def api(self, path, **params):
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        url = f"{self.base}{path}" + (f"?{query}" if query else "")
        with urllib.request.urlopen(url, timeout=self.args.timeout) as response:
            return json.load(response)

    def check(self, name, condition, detail=""):
        self.results.append({"check": name, "ok": bool(condition), "detail": detail})
        print(f"  {'ok  ' if condition else 'FAIL'} {name}{(': ' + detail) if detail else ''}", file=sys.stderr)
        return bool(condition)

    def require(self, name, condition, detail=""):
        """A check the later steps depend on: stop the run when it fails."""
        if not self.check(name, condition, detail):
            raise CheckFailed(f"{name}: {detail}" if detail else name)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def click_first(self, selector, attribute=None):
        """Clicks the first element matching `selector` and returns the value
        of `attribute` on it or its nearest ancestor that has it (True when no
        attribute is asked for; None when nothing matches). Found, read and
        clicked in one script: the views re-render as their data arrives, so
        an element WebDriver found may be gone by its next call (a stale
        element reference)."""
        return self.js("""
            const el = document.querySelector(arguments[0]);
            if (!el) return null;
            const owner = arguments[1] ? el.closest('[' + arguments[1] + ']') : null;
            el.scrollIntoView({block: 'center'});
            el.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));
            return arguments[1] ? (owner ? owner.getAttribute(arguments[1]) : null) : true;""", selector, attribute)

    def wait_for(self, description, predicate, timeout=None):
        try:
            return WebDriverWait(self.driver, timeout or self.args.timeout, poll_frequency=0.1).until(
                lambda d: predicate())
        except TimeoutException:
            raise CheckFailed(f"timed out after {timeout or self.args.timeout}s waiting for {description}")

    def wait_ready(self, view):
        """app.js sets <body data-view=... data-ready="1"> when a view has loaded."""
        self.wait_for(f"the {view} view to load",
                      lambda: self.js("return document.body.dataset.view === arguments[0] && document.body.dataset.ready === '1'", view))

    def navigate(self, hash_):
        self.js("location.hash = arguments[0]", hash_)

    def count(self, selector):
        return self.js("return document.querySelectorAll(arguments[0]).length", selector)

    def screenshot(self, name):
        """Full-page screenshot: grow the window to the page height first."""
        path = os.path.join(self.args.screenshots, f"{name}.png")
        height = self.js("return Math.min(5000, Math.max(document.documentElement.scrollHeight, 900))")
        self.driver.set_window_size(self.args.width, height)
        time.sleep(0.3)
        self.driver.save_screenshot(path)
        self.driver.set_window_size(self.args.width, 1000)
        self.screenshots.append(path)

    def collect_console(self):
        for entry in self.driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                self.console_errors.append(entry.get("message", ""))

    # -- the checks --------------------------------------------------------------

    def dashboard(self):
        d = self.driver
        d.get(self.base + "/")
        self.wait_ready("dashboard")
        self.wait_for("rows in #event-list", lambda: self.count("#event-list tr[data-event-id]") > 0)
        self.require("event list has rows", self.count("#event-list tr[data-event-id]") > 0)
        try:
            self.wait_for("the stats header", lambda: self.count("#stats .stat") > 0)
        except CheckFailed:
            pass  # reported just below
        self.check("stats header shows counts", self.count("#stats .stat[data-stat='events'] dd") == 1,
                   d.find_element(By.ID, "stats").text.replace("\n", " ")[:120])
        bars = self.count("#timeline svg rect.bar")
        self.check("timeline SVG has bars", bars > 0, f"{bars} bars")
        countries = self.count("#map svg path.country")
        places = self.count("#map svg circle.place")
        self.check("map SVG has country outlines", countries > 100, f"{countries} countries")
        self.check("map SVG has place circles", places > 0, f"{places} places")
        nodes = self.count("#network svg circle.node")
        edges = self.count("#network svg g.edge")
        self.check("network SVG has nodes and edges", nodes > 1 and edges > 0, f"{nodes} nodes, {edges} edges")
        bad = self.js("""return [...document.querySelectorAll('#network circle.node')]
                         .filter(c => !isFinite(+c.getAttribute('cx')) || !isFinite(+c.getAttribute('cy'))).length""")
        self.check("network layout has finite coordinates", bad == 0, f"{bad} bad nodes")
        self.screenshot("dashboard")

    def chart_filters(self):
        """Clicking a day, an actor and a place each sets one filter."""
        d = self.driver
        before = self.js("return location.hash")

        def click_and_wait(selector, key, name):
            if not self.click_first(selector):
                self.check(name, False, f"nothing matches {selector}")
                return
            self.wait_for(f"{key} in the hash", lambda: f"{key}=" in self.js("return location.hash"))
            self.wait_ready("dashboard")
            value = d.find_element(By.ID, f"filter-{key}").get_attribute("value")
            rows = self.count("#event-list tr[data-event-id]")
            self.check(name, bool(value) and rows > 0, f"{key}={value}, {rows} rows")
            self.navigate("#/")
            self.wait_ready("dashboard")
            self.wait_for("the unfiltered list", lambda: self.count("#event-list tr[data-event-id]") > 0)

        click_and_wait("#timeline g.day", "since", "timeline click filters by day")
        click_and_wait("#network circle.node[data-filter=actor]", "actor", "network click filters by source actor")
        click_and_wait("#network circle.node[data-filter=target]", "target", "network click on a target-only actor filters by target")
        click_and_wait("#map circle.place", "place", "map click filters by place")
        if before not in ("", "#", "#/"):
            self.navigate(before)

    def dyadic_filter(self):
        """The "both actors known" box filters by dyadic=1: the list shows the
        events the API gives for it, each with a source and a target, and the
        box stays ticked after the page reads the hash back."""
        d = self.driver
        self.navigate("#/")
        self.wait_ready("dashboard")
        self.wait_for("the unfiltered list", lambda: self.count("#event-list tr[data-event-id]") > 0)
        self.require("the both-actors box is there", self.click_first("#filter-dyadic") is True)
        self.click_first("#filter-apply")
        self.wait_for("dyadic in the hash", lambda: "dyadic=1" in self.js("return location.hash"))
        self.wait_ready("dashboard")
        expected = self.api("/api/events", dyadic="true", limit=100)["items"]
        every = self.api("/api/events", limit=1000)["items"]
        shown = sorted(int(x) for x in self.js("return [...document.querySelectorAll('#event-list tr[data-event-id]')].map(r => r.dataset.eventId)"))
        ticked = d.find_element(By.ID, "filter-dyadic").is_selected()
        chip = self.count("#filter-summary a.chip[data-filter=dyadic]")
        both = all(e.get("source") and e.get("target") for e in expected)
        self.check("the both-actors box lists the dyadic events only",
                   ticked and chip == 1 and both and shown == sorted(e["id"] for e in expected),
                   f"{len(shown)} shown, {len(expected)} dyadic of {len(every)}, box {'ticked' if ticked else 'not ticked'}, {chip} chip")
        self.navigate("#/")
        self.wait_ready("dashboard")
        self.check("the box clears with the filter", not d.find_element(By.ID, "filter-dyadic").is_selected())

    def event_and_article(self):
        d = self.driver
        self.navigate("#/")
        self.wait_ready("dashboard")
        self.wait_for("rows in #event-list", lambda: self.count("#event-list tr[data-event-id]") > 0)
        event_id = self.click_first("#event-list tr[data-event-id] td.col-date", "data-event-id")
        self.wait_ready("event")
        self.require("row click opens the event view", self.js("return location.hash") == f"#/event/{event_id}",
                     self.js("return location.hash"))
        mentions = self.count("#mention-list a[data-article-id]")
        self.require("event view lists mentions", mentions > 0, f"{mentions} mentions")
        self.check("event view has a title", bool(d.find_element(By.ID, "event-title").text.strip()))
        self.screenshot("event")

        article_id = self.click_first("#mention-list a[data-article-id]", "data-article-id")
        self.wait_ready("article")
        self.require("mention link opens the article", self.js("return location.hash").startswith(f"#/article/{article_id}"),
                     self.js("return location.hash"))
        self.check_article(article_id, "article")

    def check_article(self, article_id, shot, interact=True):
        """The shown text and highlights agree with /api/articles/ID; with
        `interact`, also hover a trigger and flip a layer toggle."""
        d = self.driver
        article = self.api(f"/api/articles/{article_id}")
        shown = self.js("return document.getElementById('article-text').textContent")
        self.require(f"{shot}: article text is present", len(shown) > 0, f"{len(shown)} UTF-16 units")
        self.check(f"{shot}: article text matches the API text exactly", shown == article["text"],
                   "" if shown == article["text"] else f"first difference at {next((i for i, (a, b) in enumerate(zip(shown, article['text'])) if a != b), min(len(shown), len(article['text'])))}")
        spans = self.count("#article-text .ann")
        layers = sum(len(article.get(k) or []) for k in ("entities", "actors", "times", "places", "quotes", "quantities", "events"))
        self.check(f"{shot}: annotations are highlighted", spans > 0 or layers == 0, f"{spans} highlighted pieces, {layers} annotations")
        # Every highlighted piece must cover exactly the code points its data-* say.
        chars = list(article["text"])
        mismatches = self.js("""return [...document.querySelectorAll('#article-text .ann')]
            .map(e => [+e.dataset.start, +e.dataset.end, e.textContent])""")
        wrong = [m for m in mismatches if "".join(chars[m[0]:m[1]]) != m[2]]
        self.check(f"{shot}: highlighted pieces sit at their code point offsets", not wrong, f"{len(wrong)} misplaced" if wrong else f"{len(mismatches)} pieces")
        # Every annotation's own text (where the API gives one) is what its offsets cut out.
        bad = [(k, a["start"], a["end"]) for k in ("entities", "actors", "times", "places", "quotes", "quantities")
               for a in article.get(k) or [] if a.get("text") is not None and "".join(chars[a["start"]:a["end"]]) != a["text"]]
        self.check(f"{shot}: API annotation texts agree with their offsets", not bad, str(bad[:3]) if bad else "")

        triggers = d.find_elements(By.CSS_SELECTOR, "#article-text .l-event")
        if interact and triggers:
            self.js("arguments[0].scrollIntoView({block: 'center'})", triggers[0])
            ActionChains(d).move_to_element(triggers[0]).perform()
            self.wait_for("the trigger tooltip", lambda: self.js("return !document.getElementById('tooltip').hidden"), timeout=self.args.timeout / 4)
            tip = self.js("return document.getElementById('tooltip').textContent")
            codes = {e["code"] for e in article.get("events") or []}
            self.check(f"{shot}: hovering an event trigger shows code and evidence",
                       any(c in tip for c in codes) and "evidence" in tip, tip[:160])
            self.screenshot(f"{shot}-tooltip")
            ActionChains(d).move_by_offset(0, 0).perform()
            self.js("document.getElementById('tooltip').hidden = true")
        if article.get("events"):
            self.check(f"{shot}: event triggers are highlighted", bool(triggers), f"{len(triggers)} trigger pieces")

        toggle = d.find_elements(By.CSS_SELECTOR, "#layer-toggles input[data-layer='entities']")
        if toggle and interact:
            toggle[0].click()
            hidden = self.js("return document.getElementById('article-text').classList.contains('hide-entities')")
            self.check(f"{shot}: layer toggle hides its layer", hidden)
            toggle[0].click()
        self.check(f"{shot}: article title is shown", bool(d.find_element(By.ID, "article-title").text.strip()))
        self.check(f"{shot}: article view has no script elements", self.count("#article-view script") == 0)
        self.js("window.scrollTo(0, 0)")
        self.screenshot(shot)

    def articles(self):
        """The article list: nav link, rows, the search box, a row click, the breadcrumb back."""
        d = self.driver
        rows = "#article-list tr[data-article-id]"
        shown_ids = lambda: self.js("return [...document.querySelectorAll(arguments[0])].map(r => +r.dataset.articleId)", rows)
        self.navigate("#/")
        self.wait_ready("dashboard")
        d.find_element(By.ID, "nav-articles").click()
        self.wait_ready("articles")
        self.require("nav link opens the article list", self.js("return location.hash") == "#/articles",
                     self.js("return location.hash"))
        self.check("nav marks Articles as current",
                   d.find_element(By.ID, "nav-articles").get_attribute("aria-current") == "page")
        self.wait_for("rows in #article-list", lambda: self.count(rows) > 0)
        first_page = [a["id"] for a in self.api("/api/articles", limit=100)["items"]]
        self.check("article list shows the API's first page, newest first", shown_ids() == first_page,
                   f"{len(first_page)} articles")
        self.screenshot("articles")

        if self.args.skip_xss:
            print("  skip article search check (--skip-xss)", file=sys.stderr)
        else:
            box = d.find_element(By.ID, "search-q")
            box.clear()
            box.send_keys(XSS_NEEDLE, Keys.ENTER)
            self.wait_for("q in the hash", lambda: "q=" in self.js("return location.hash"))
            self.wait_ready("articles")
            expected = [a["id"] for a in self.api("/api/articles", q=XSS_NEEDLE, limit=100)["items"]]
            found = shown_ids()
            titles = self.js("return [...document.querySelectorAll('#article-list tr[data-article-id] .article-link')].map(a => a.textContent)")
            self.check("search box lists exactly the API's matches", found == expected and len(found) > 0,
                       f"shown {found}, API {expected}")
            self.check("search finds the hostile-title article", any(XSS_TITLE in t for t in titles), str(titles)[:160])
            elements = self.count("#article-list .article-link *, #article-list script")
            self.check("hostile title in the list creates no elements", elements == 0, f"{elements} elements")
            self.check("window.__xss is undefined after the search", self.js("return typeof window.__xss") == "undefined")
            self.screenshot("articles-search")

        search = self.js("return location.hash")
        article_id = self.click_first(f"{rows} td.col-date", "data-article-id")
        self.wait_ready("article")
        self.require("article row click opens the article view", self.js("return location.hash") == f"#/article/{article_id}",
                     self.js("return location.hash"))
        crumbs = self.js("return [...document.querySelectorAll('.crumbs a')].map(a => a.getAttribute('href'))")
        self.check("article breadcrumb links back to the search", search in crumbs, f"{crumbs}, expected {search}")
        self.story_versions()

    def story_versions(self):
        """An article whose story has others lists them; one alone in its story lists none."""
        items = self.api("/api/articles", limit=1000)["items"]
        stories = {}
        for a in items:
            stories.setdefault(a["story_id"], []).append(a["id"])
        shared = next((ids for ids in stories.values() if len(ids) > 1), None)
        alone = next((ids[0] for story, ids in stories.items() if len(ids) == 1
                      and len(self.api("/api/articles", story=story, limit=2)["items"]) == 1), None)
        if alone is not None:
            self.navigate(f"#/article/{alone}")
            self.wait_ready("article")
            self.check("an article alone in its story lists no versions",
                       self.js("return document.getElementById('story-versions').hidden") is True)
        if shared is None:
            print("  skip story versions check (no story with several articles among the newest 1000)", file=sys.stderr)
            return
        article_id = shared[0]
        story = next(a["story_id"] for a in items if a["id"] == article_id)
        versions = [a["id"] for a in self.api("/api/articles", story=story, limit=100)["items"]]
        self.navigate(f"#/article/{article_id}")
        self.wait_ready("article")
        listed = self.js("return [...document.querySelectorAll('#story-versions li[data-article-id]')].map(l => +l.dataset.articleId)")
        heading = self.js("return document.querySelector('#story-versions h2')?.textContent || ''")
        others = [v for v in versions if v != article_id]
        self.check("story versions list the story's other articles",
                   bool(listed) and article_id not in listed and set(listed) <= set(others), f"listed {listed}, story {versions}")
        self.check("story versions count the whole story", heading.startswith(f"{len(versions)}"), heading)
        self.js("window.scrollTo(0, 0)")
        self.screenshot("article-story")

    def xss(self):
        found = self.api("/api/articles", q=XSS_NEEDLE, limit=50)
        matches = [a for a in found.get("items", []) if XSS_TITLE in (a.get("title") or "")]
        if not matches:
            self.check("XSS fixture article exists", False,
                       f"no article title contains {XSS_TITLE!r} (ingest the fixture, or pass --skip-xss)")
            return
        article_id = matches[0]["id"]
        self.navigate(f"#/article/{article_id}")
        self.wait_ready("article")
        title = self.js("return document.getElementById('article-title').textContent")
        self.check("XSS title renders as literal text", XSS_TITLE in title, title[:120])
        elements = self.js("return document.querySelectorAll('#article-title *, #article-meta script, #article-view script').length")
        self.check("XSS title creates no elements", elements == 0, f"{elements} elements inside the title")
        self.check("window.__xss is undefined", self.js("return typeof window.__xss") == "undefined")
        self.js("window.scrollTo(0, 0)")
        self.check_article(article_id, "article-xss", interact=False)

    def extra_articles(self):
        """--article ID: more articles to check (say, one with emoji and combining marks)."""
        for article_id in self.args.article:
            self.navigate(f"#/article/{article_id}")
            self.wait_ready("article")
            self.check_article(article_id, f"article-{article_id}")

    def main(self):
        started = time.time()
        options = Options()
        options.binary_location = self.args.chromium
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={self.args.width},1000", "--hide-scrollbars", "--lang=en-US"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        try:
            self.driver = webdriver.Chrome(service=Service(executable_path=self.args.chromedriver), options=options)
        except WebDriverException as err:
            skip(f"cannot start Chromium through chromedriver: {err.msg or err}")
        self.driver.set_page_load_timeout(self.args.timeout)
        fatal = None
        try:
            self.dashboard()
            self.chart_filters()
            self.dyadic_filter()
            self.event_and_article()
            self.articles()
            self.extra_articles()
            if self.args.skip_xss:
                print("  skip XSS check (--skip-xss)", file=sys.stderr)
            else:
                self.xss()
            # A last look for scripts that ran anywhere along the way.
            self.check("window.__xss is undefined after every view", self.js("return typeof window.__xss") == "undefined")
        except CheckFailed as err:
            fatal = str(err)
            self.check("run completed", False, fatal)
            try:
                self.screenshot("failure")
            except WebDriverException:
                pass
        except WebDriverException as err:
            fatal = f"browser error: {err.msg or err}"
            self.check("run completed", False, fatal)
        finally:
            try:
                self.collect_console()
            except WebDriverException:
                pass
            self.driver.quit()
        self.check("no JavaScript console errors", not self.console_errors, "; ".join(self.console_errors)[:500])

        failures = [r for r in self.results if not r["ok"]]
        summary = {
            "ok": not failures,
            "url": self.base,
            "checks": len(self.results),
            "passed": len(self.results) - len(failures),
            "failures": [f"{r['check']}: {r['detail']}" if r["detail"] else r["check"] for r in failures],
            "console_errors": self.console_errors,
            "screenshots": self.screenshots,
            "seconds": round(time.time() - started, 1),
        }
        if failures:
            print(f"browser-test: FAILED {len(failures)} of {len(self.results)} checks", file=sys.stderr)
            for f in summary["failures"]:
                print(f"  - {f}", file=sys.stderr)
        print(json.dumps(summary))
        return 0 if not failures else 1


def main():
    parser = argparse.ArgumentParser(description="Headless-Chromium test of the Sitrep web UI.")
    parser.add_argument("--url", required=True, help="base URL of `sitrep serve`, e.g. http://127.0.0.1:8080")
    parser.add_argument("--screenshots", required=True, help="directory for the PNG screenshots")
    parser.add_argument("--skip-xss", action="store_true", help="do not require the <script>-title fixture article")
    parser.add_argument("--article", action="append", default=[], metavar="ID",
                        help="also check this article's text and highlights (repeatable)")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    # Sanitized builds (scripts/sanitize.sh) serve several times slower.
    scale = max(1.0, float(os.environ.get("SITREP_TEST_BUDGET_SCALE", "1") or 1))
    parser.add_argument("--timeout", type=float, default=20.0 * scale,
                        help="seconds to wait for each step (default 20, times SITREP_TEST_BUDGET_SCALE)")
    parser.add_argument("--width", type=int, default=1360, help="browser window width (default 1360)")
    args = parser.parse_args()

    if selenium_missing:
        skip("selenium is not installed (pip install selenium)")
    for name in ("chromium", "chromedriver"):
        path = getattr(args, name)
        if not os.path.exists(path):
            found = shutil.which(os.path.basename(path))
            if not found:
                skip(f"{path} not found (apt-get install -y chromium chromium-driver)")
            setattr(args, name, found)
    try:
        urllib.request.urlopen(args.url.rstrip("/") + "/api/stats", timeout=args.timeout).close()
    except OSError as err:
        print(f"browser-test: cannot reach {args.url}: {err}", file=sys.stderr)
        print(json.dumps({"ok": False, "url": args.url, "failures": [f"server unreachable: {err}"]}))
        return 1
    os.makedirs(args.screenshots, exist_ok=True)
    print(f"browser-test: {args.url}", file=sys.stderr)
    return Run(args).main()


if __name__ == "__main__":
    sys.exit(main())
