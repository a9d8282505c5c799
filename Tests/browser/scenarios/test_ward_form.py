"""Issue 14: a ward (a commune account) builds its own three-question form with the builder's buttons, opens a
campaign on it, a citizen answers it from the ward's permanent QR page /q/{code}, and the ward reads the result on
its dashboard. All at 360 px."""
import time

from selenium.webdriver.support.ui import Select

PASSWORD = "mat-khau-trinh-duyet-01"
FORM = "DV07210-TN"
QUESTION = "Anh/Chị có hài lòng với sân chơi thiếu nhi của phường không?"


def field(browser, name):
    return browser.find(f"[name='{name}']")


def retype(element, text):
    element.clear()
    element.send_keys(text)


def test_ward_builds_a_form_runs_a_campaign_and_reads_the_answer(server, browser):
    server.run("user", "add", "--username", "phuong07210", "--role", "commune", "--unit", "07210",
               stdin=PASSWORD + "\n")
    browser.sign_in(server, "phuong07210", PASSWORD)

    # A new form of the ward's own: it starts with one question.
    browser.open(server.url + "/admin/forms")
    browser.find("a[href='/admin/forms/new']").click()
    browser.find("#code").send_keys(FORM)
    browser.find("#title").send_keys("Phiếu ý kiến thanh niên phường")
    browser.find("#organisation").send_keys("Đoàn Thanh niên phường Hoàng Văn Thụ")
    browser.find("form.stack button[type=submit]").click()
    browser.wait_for(lambda: f"/admin/forms/{FORM}/build" in browser.driver.current_url)
    assert len(browser.find_all("fieldset.q")) == 1

    # Two more questions with the page's own buttons (each press saves and comes back).
    for count in (2, 3):
        browser.click_and_wait_for_next_page(browser.find("button[value=add]"))
        browser.wait_for(lambda: len(browser.find_all("fieldset.q")) == count)
    assert browser.page_width() <= 360, "the form builder fits a 360 px phone"

    retype(field(browser, "questions[0].text"), QUESTION)
    field(browser, "questions[0].required").click()
    Select(field(browser, "questions[1].kind")).select_by_value("short_text")
    retype(field(browser, "questions[1].text"), "Anh/Chị ở khu phố nào?")
    Select(field(browser, "questions[2].kind")).select_by_value("long_text")
    retype(field(browser, "questions[2].text"), "Anh/Chị đề xuất gì thêm cho sân chơi?")
    # The add presses already said "Đã lưu.": wait for the page the save loads, not for the words.
    browser.click_and_wait_for_next_page(browser.find("button[value=save]"))
    browser.wait_for(lambda: "Đã lưu." in browser.text())
    assert field(browser, "questions[0].text").get_attribute("value") == QUESTION
    assert not browser.find_all("[name='questions[1].options[0].label']"), "a text question has no options"
    browser.screenshot("builder")

    browser.open(f"{server.url}/admin/forms/{FORM}/preview")
    assert QUESTION in browser.text()
    assert "Bản xem trước" in browser.text()
    browser.screenshot("preview")

    # A campaign of the ward's own on its form: it covers the ward, so no scope to choose.
    browser.open(server.url + "/admin/campaigns/new")
    Select(browser.find("#form")).select_by_value(FORM)
    browser.find("#title").send_keys("Lấy ý kiến về sân chơi thiếu nhi")
    assert not browser.find_all("textarea[name=units]")
    browser.find("form.stack button[type=submit]").click()
    browser.wait_for(lambda: "Đã tạo đợt khảo sát" in browser.text())
    row = [r for r in browser.find_all("tr") if "Lấy ý kiến về sân chơi thiếu nhi" in r.text][0]
    dashboard = row.find_element("css selector", "a[href^='/admin/campaigns/']").get_attribute("href")
    campaign_id = dashboard.rstrip("/").split("/")[-1]
    row.find_element("css selector", "form button").click()
    browser.wait_for(lambda: "Đã mở đợt khảo sát." in browser.text())
    browser.sign_out()

    # A citizen scans the ward's permanent QR code: the ward's campaign is listed beside the province's.
    browser.open(server.url + "/q/07210")
    browser.find(f"a[href='/s/{campaign_id}/07210']").click()
    browser.wait_for(lambda: browser.find_all("form fieldset.q"))
    assert QUESTION in browser.text()
    assert browser.page_width() <= 360
    first = browser.find_all("fieldset.q")[0]
    [label for label in first.find_elements("css selector", "label.opt") if label.text == "Có"][0].click()
    browser.find("fieldset.q input[type=text]").send_keys("Khu phố 3")
    browser.find("fieldset.q textarea").send_keys("Thêm ghế đá và đèn chiếu sáng.")
    time.sleep(4.5)  # a person takes longer than the server's minimum fill time
    browser.find("form button[type=submit]").click()
    browser.wait_for(lambda: "Cảm ơn" in browser.text())

    # The ward reads the result on its dashboard.
    browser.sign_in(server, "phuong07210", PASSWORD)
    browser.open(dashboard)
    browser.wait_for(lambda: browser.find_all("#theo-cau-hoi"))
    table = browser.find("table#cau-1")
    assert QUESTION in table.text
    rows = {r.find_elements("css selector", "td")[0].text: r.find_elements("css selector", "td")[1].text
            for r in table.find_elements("css selector", "tbody tr")}
    assert rows == {"Có": "1", "Không": "0"}, rows
    assert browser.page_width() <= 360, "the ward's dashboard fits a 360 px phone"
    browser.screenshot("result")
