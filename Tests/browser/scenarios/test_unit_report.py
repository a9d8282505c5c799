"""One daily report per commune and day: with three campaigns open a commune files once and every campaign's
dashboard shows it; a district opens a past day for late entry, the commune files it from its report page, and the
district sees it late, then finds the opening in its list of open late entries."""
import datetime

from selenium.webdriver.support.ui import Select

PASSWORD = "mat-khau-trinh-duyet-01"
HANOI = datetime.timezone(datetime.timedelta(hours=7))
TODAY = datetime.datetime.now(HANOI).date()
YESTERDAY = TODAY - datetime.timedelta(days=1)


def fill_report(browser, visitors, guided):
    for name, value in [("visitors", visitors), ("guided", guided), ("staff_on_duty", "2"), ("volunteers", "1")]:
        field = browser.find(f"input[name={name}]")
        field.clear()
        field.send_keys(value)


def vietnamese(day):
    return day.strftime("%d/%m/%Y")


def test_one_report_for_every_campaign_and_late_entry(server, browser):
    for username, role, unit in [("xa07201", "commune", "07201"), ("huyen213", "district", "213")]:
        server.run("user", "add", "--username", username, "--role", role, "--unit", unit, stdin=PASSWORD + "\n")
    starts = (TODAY - datetime.timedelta(days=5)).isoformat()
    ends = (TODAY + datetime.timedelta(days=5)).isoformat()
    for form, title in [("PKS03", "Đợt PKS03 thử"), ("PKS04", "Đợt PKS04 thử")]:
        server.run("campaign", "add", "--form", form, "--title", title, "--starts", starts, "--ends", ends,
                   "--district", "213")

    # The commune: one report, listed for all three campaigns; a cross-check first.
    browser.sign_in(server, "xa07201", PASSWORD)
    browser.find("a[href='/admin/report']").click()
    browser.wait_for(lambda: "Báo cáo ngày " + vietnamese(TODAY) in browser.text())
    listed = [link.text for link in browser.find_all("ul.campaign-list a")]
    assert len(listed) == 3 and "Đợt PKS03 thử" in listed and "Đợt PKS04 thử" in listed, listed
    assert browser.page_width() <= 360, "the report page fits a 360 px phone"
    fill_report(browser, "10", "12")
    browser.find("form:not(.logout) button[type=submit].primary").click()
    browser.wait_for(lambda: "không thể lớn hơn số người đến giao dịch" in browser.text())
    assert browser.find("#guided").get_attribute("aria-describedby") == "e-guided"
    fill_report(browser, "15", "12")
    browser.find("form:not(.logout) button[type=submit].primary").click()
    browser.wait_for(lambda: "Đã lưu báo cáo ngày" in browser.text())
    browser.screenshot("one-report-saved")
    campaign_links = [link.get_attribute("href") for link in browser.find_all("ul.campaign-list a")]
    browser.sign_out()

    # The district: every campaign's board shows the commune on time.
    browser.sign_in(server, "huyen213", PASSWORD)
    for link in campaign_links:
        browser.open(link)
        browser.wait_for(lambda: "Đã báo cáo đúng giờ" in browser.text())
        board = browser.find(".today .ok").text
        assert "Đã báo cáo đúng giờ (1)" in board and "Phường Thọ Xương" in board, (link, board)

    # Opens yesterday for the commune from the first board, gets a confirmation, finds it in the list.
    browser.open(campaign_links[0])
    form = browser.find("form[action$='/late']")
    Select(form.find_element("css selector", "select[name=unit]")).select_by_value("07201")
    date = form.find_element("css selector", "input[name=date]")
    browser.driver.execute_script("arguments[0].value = arguments[1]", date, YESTERDAY.isoformat())
    form.find_element("css selector", "input[name=reason]").send_keys("Mất mạng buổi chiều")
    form.find_element("css selector", "button[type=submit]").click()
    browser.wait_for(lambda: "Đã mở nhập muộn" in browser.text())
    assert vietnamese(YESTERDAY) in browser.text()
    browser.find("a[href='/admin/late']").click()
    browser.wait_for(lambda: "Nhập muộn đang mở" in browser.text())
    assert vietnamese(YESTERDAY) in browser.find("table").text
    browser.screenshot("late-entries")
    browser.sign_out()

    # The commune sees the open day with its end and files it.
    browser.sign_in(server, "xa07201", PASSWORD)
    browser.find("a[href='/admin/report']").click()
    late_day = browser.find("ul.late-days a")
    assert late_day.text == "Báo cáo ngày " + vietnamese(YESTERDAY), late_day.text
    assert "được nhập muộn đến" in browser.find("ul.late-days").text
    late_day.click()
    browser.wait_for(lambda: "Báo cáo ngày " + vietnamese(YESTERDAY) in browser.text())
    fill_report(browser, "9", "4")
    browser.find("form:not(.logout) button[type=submit].primary").click()
    browser.wait_for(lambda: "đánh dấu báo cáo muộn" in browser.text())
    browser.screenshot("late-report-saved")
    browser.sign_out()

    # The district sees two report days for the commune, one of them late.
    browser.sign_in(server, "huyen213", PASSWORD)
    browser.open(campaign_links[0])
    browser.wait_for(lambda: "Phường Thọ Xương" in browser.text())
    rows = [row.text for row in browser.find_all("table.units tbody tr") if "Phường Thọ Xương" in row.text]
    assert rows and "1 (+1 muộn)" in rows[0], rows


test_one_report_for_every_campaign_and_late_entry.server_options = {
    "simulate_time": f"{TODAY.isoformat()}T16:40:00+07:00"
}
