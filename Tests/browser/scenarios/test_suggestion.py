"""A citizen at 360 px sends a suggestion, reloads the receipt, and only one suggestion is stored."""
import sqlite3
import time


def suggestions(server):
    # Read-only beside the running server (WAL): what the database holds, not what a page says.
    with sqlite3.connect(f"file:{server.db}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT lookup_code, text FROM suggestions").fetchall()


def test_citizen_reloads_the_receipt_and_one_suggestion_is_stored(server, browser):
    browser.open(server.url + "/q/07210")
    browser.find("a[href='/g/07210']").click()
    browser.wait_for(lambda: browser.find_all("textarea#text"))
    assert browser.page_width() <= 360, "the suggestion box fits a 360 px phone"
    browser.find("textarea#text").send_keys("Đề nghị bố trí thêm ghế ngồi chờ ở bộ phận một cửa.")
    time.sleep(3.5)  # a person takes longer than the box's minimum fill time (3 s)
    browser.find("form[method=post] button[type=submit]").click()
    browser.wait_for(lambda: "Đã nhận góp ý" in browser.text())
    assert "/g/07210/" in browser.driver.current_url and "da-gui=1" in browser.driver.current_url, \
        "the receipt is a page of its own, not the POST's answer"
    assert browser.page_width() <= 360, "the receipt and its lookup link fit a 360 px phone"
    browser.screenshot("receipt")
    code = browser.find(".receipt .code").text
    assert suggestions(server) == [(code, "Đề nghị bố trí thêm ghế ngồi chờ ở bộ phận một cửa.")]

    # Reloading asks nothing and stores nothing: a GET.
    for _ in range(2):
        browser.driver.refresh()
        browser.wait_for(lambda: "Đã nhận góp ý" in browser.text())
    assert browser.find(".receipt .code").text == code
    assert len(suggestions(server)) == 1, "reloading the receipt stored nothing new"

    # Later, the same citizen looks the reply up by its code from the box page.
    browser.open(server.url + "/g/07210")
    browser.find("input#ma").send_keys(code.lower())
    browser.find("form.lookup button[type=submit]").click()
    browser.wait_for(lambda: f"Góp ý mã {code}" in browser.text())
    assert "chờ trả lời" in browser.text()
    assert "Đã nhận góp ý" not in browser.text()
    browser.screenshot("lookup")

    # A wrong code is a kind page with the field to try again.
    browser.open(server.url + "/g/07210")
    browser.find("input#ma").send_keys("ABCD2345")
    browser.find("form.lookup button[type=submit]").click()
    browser.wait_for(lambda: "Không tìm thấy mã tra cứu" in browser.text())
    assert browser.find("input#ma").get_attribute("value") == "ABCD2345"
    assert len(suggestions(server)) == 1
