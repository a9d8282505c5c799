#!/usr/bin/env python3
"""Real-browser tests: Debian's chromium driven by selenium through Debian's chromedriver (no downloads).

Starts the real qcdc binary on a fresh SQLite file and a free loopback port, runs every scenario in
scenarios/, saves screenshots under .build/browser-screenshots, and ends with the line "N passed, N failed".
"""
import argparse
import importlib.util
import pathlib
import sys
import traceback

from harness import Browser, Server

ROOT = pathlib.Path(__file__).resolve().parent


def load_scenarios():
    tests = []
    for path in sorted((ROOT / "scenarios").glob("test_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name in sorted(dir(module)):
            if name.startswith("test_"):
                tests.append((f"{path.stem}.{name}", getattr(module, name)))
    return tests


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True, help="the qcdc executable")
    parser.add_argument("--screenshots", default=".build/browser-screenshots")
    parser.add_argument("-k", dest="pattern", default="", help="run only scenarios whose name contains this")
    args = parser.parse_args()

    screenshots = pathlib.Path(args.screenshots)
    screenshots.mkdir(parents=True, exist_ok=True)
    passed = failed = 0
    for name, test in load_scenarios():
        if args.pattern not in name:
            continue
        server = Server(args.binary)
        browser = None
        try:
            server.start(**getattr(test, "server_options", {}))
            browser = Browser(screenshots, name)
            test(server, browser)
            passed += 1
            print(f"PASS {name}", flush=True)
        except Exception:
            failed += 1
            print(f"FAIL {name}", flush=True)
            traceback.print_exc()
            if browser:
                browser.screenshot("failure")
            print(server.log_tail(), file=sys.stderr)
        finally:
            if browser:
                browser.quit()
            server.stop()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or not passed else 0)


if __name__ == "__main__":
    main()
