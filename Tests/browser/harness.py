"""The pieces every browser scenario uses: a real qcdc server and a real headless Chromium at phone size."""
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import JavascriptException, NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, binary):
        self.binary = str(pathlib.Path(binary).resolve())
        self.folder = tempfile.mkdtemp(prefix="qcdc-browser-")
        self.db = os.path.join(self.folder, "qcdc.sqlite3")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log_path = os.path.join(self.folder, "server.log")

    def run(self, *args, stdin=None):
        """Runs a qcdc subcommand on this server's database and returns its output."""
        result = subprocess.run([self.binary, *args, "--db", self.db], input=stdin, capture_output=True,
                                text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"qcdc {' '.join(args)} failed: {result.stderr}")
        return result.stdout

    def start(self, simulate_time=None):
        self.run("migrate")
        self.run("seed-demo")
        command = [self.binary, "serve", "--db", self.db, "--port", str(self.port), "--public-url", self.url,
                   "--static-dir", str(pathlib.Path(__file__).resolve().parents[2] / "Public")]
        if simulate_time:
            command += ["--simulate-time", simulate_time]
        self.log = open(self.log_path, "w")
        # Flags are scanned every second, so a scenario can read them a moment after an answer.
        environment = dict(os.environ, QCDC_FLAG_SCAN_SECONDS="1")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, env=environment)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as response:
                    if response.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("qcdc did not answer /healthz within 30 s:\n" + self.log_tail())

    def log_tail(self):
        try:
            with open(self.log_path) as log:
                return "".join(log.readlines()[-30:])
        except OSError:
            return ""

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class Browser:
    def __init__(self, screenshots, name, width=360, height=740):
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         f"--window-size={width},{height}", "--lang=vi-VN"]:
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.driver.set_window_size(width, height)
        self.screenshots = pathlib.Path(screenshots)
        self.name = name
        self.count = 0

    def open(self, url):
        self.driver.get(url)

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def text(self):
        # One script call reads the text atomically: finding <body> and then asking for its text is two round
        # trips, and a page replaced in between answers "node does not belong to the document".
        return self.driver.execute_script("return document.body ? document.body.innerText : ''")

    def wait_for(self, condition, timeout=10):
        # While a page is being replaced, elements found a moment ago go stale: keep polling until it settles.
        ignored = (StaleElementReferenceException, NoSuchElementException, JavascriptException)
        WebDriverWait(self.driver, timeout, ignored_exceptions=ignored).until(lambda driver: condition())

    def click_and_wait_for_next_page(self, element, timeout=15):
        """Clicks a link or a form's button and waits until the next page has loaded. The old page is marked with a
        window property the new one does not have: waiting for an element to go stale trips chromedriver's
        "Node with given id does not belong to the document" on a busy machine."""
        self.driver.execute_script("window.qcdcOldPage = true")
        element.click()
        WebDriverWait(self.driver, timeout).until(
            lambda driver: driver.execute_script("return !window.qcdcOldPage && document.readyState === 'complete'"))

    def screenshot(self, label):
        self.count += 1
        path = self.screenshots / f"{self.name}-{self.count:02d}-{label}.png"
        self.driver.save_screenshot(str(path))
        return path

    def sign_in(self, server, username, password):
        """Signs in through the login page and waits until the browser has left it."""
        self.open(server.url + "/admin/login")
        self.find("input[name=username]").send_keys(username)
        self.find("input[name=password]").send_keys(password)
        self.find("form button[type=submit]").click()
        self.wait_for(lambda: "/admin/login" not in self.driver.current_url)

    def sign_out(self):
        self.find("form.logout button").click()
        self.wait_for(lambda: "/admin/login" in self.driver.current_url)

    def page_width(self):
        return self.driver.execute_script("return document.documentElement.scrollWidth")

    def quit(self):
        self.driver.quit()
