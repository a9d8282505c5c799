"""The district dashboard reloads itself during the reporting window, but never under a half-typed form."""
import datetime
import time

PASSWORD = "mat-khau-trinh-duyet-01"
HANOI = datetime.timezone(datetime.timedelta(hours=7))


def simulated_window_time():
    today = datetime.datetime.now(HANOI).date()
    return f"{today.isoformat()}T16:40:00+07:00"


def mark(browser):
    """A value that lives only as long as this page: a reload drops it."""
    browser.driver.execute_script("window.qcdcMarker = 'còn nguyên'")


def marked(browser):
    return browser.driver.execute_script("return window.qcdcMarker || null") == "còn nguyên"


def shorten(browser, seconds):
    # The page says 60 s; refresh.js reads the attribute at every tick, so the test need not wait a minute.
    browser.driver.execute_script(
        "document.querySelector('[data-refresh]').setAttribute('data-refresh', arguments[0])", str(seconds))


def test_dashboard_reloads_until_a_field_is_touched(server, browser):
    server.run("user", "add", "--username", "huyen213", "--role", "district", "--unit", "213", stdin=PASSWORD + "\n")
    browser.sign_in(server, "huyen213", PASSWORD)
    browser.find("a[href^='/admin/campaigns/']").click()
    browser.wait_for(lambda: "Số liệu lúc 16:4" in browser.text())
    line = browser.find("#so-lieu")
    assert line.get_attribute("data-refresh") == "60", line.get_attribute("outerHTML")
    assert line.find_element("link text", "Cập nhật").get_attribute("href").startswith(server.url + "/admin/campaigns/")

    # Untouched, the page reloads by itself.
    mark(browser)
    shorten(browser, 2)
    browser.wait_for(lambda: not marked(browser), timeout=10)
    browser.wait_for(lambda: browser.find("#so-lieu").get_attribute("data-refresh") == "60")

    # Half-typed late-entry reason: no reload however long the page stays open, and the page says why.
    reason = browser.find("input[name=reason]")
    reason.send_keys("Mất điện cả buổi chiều, đang")
    mark(browser)
    shorten(browser, 2)
    time.sleep(6)
    assert marked(browser), "the page reloaded under a half-typed form"
    assert browser.find("input[name=reason]").get_attribute("value") == "Mất điện cả buổi chiều, đang"
    assert "đã dừng tự cập nhật" in browser.find("#so-lieu").text, browser.find("#so-lieu").text
    assert browser.page_width() <= 360, "the line and the board fit a 360 px phone"
    browser.screenshot("district-refresh-held")


test_dashboard_reloads_until_a_field_is_touched.server_options = {"simulate_time": simulated_window_time()}
