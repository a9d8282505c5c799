"""A commune work team files its daily report inside the 16:30–17:00 window; the district sees it on time."""
import datetime

from selenium.webdriver.support.ui import Select

PASSWORD = "mat-khau-trinh-duyet-01"
HANOI = datetime.timezone(datetime.timedelta(hours=7))


def simulated_window_time():
    today = datetime.datetime.now(HANOI).date()
    return f"{today.isoformat()}T16:40:00+07:00"


def test_commune_reports_and_district_sees_it(server, browser):
    server.run("user", "add", "--username", "xa07201", "--role", "commune", "--unit", "07201", stdin=PASSWORD + "\n")
    server.run("user", "add", "--username", "huyen213", "--role", "district", "--unit", "213", stdin=PASSWORD + "\n")

    browser.sign_in(server, "xa07201", PASSWORD)
    assert "CHẾ ĐỘ DIỄN TẬP" in browser.text(), "a simulated clock shows a banner on every page"
    browser.find("a[href^='/admin/campaigns/']").click()
    browser.find("a[href$='/report']").click()
    assert browser.page_width() <= 360, "the report form fits a 360 px phone"
    assert "Đang trong khung giờ báo cáo" in browser.text()
    for name, value in [("visitors", "15"), ("guided", "12"), ("staff_on_duty", "2"), ("volunteers", "3")]:
        field = browser.find(f"input[name={name}]")
        field.clear()
        field.send_keys(value)
    browser.find("input[value=loa]").find_element("xpath", "..").click()
    browser.find("textarea[name=difficulties]").send_keys("Không có")
    browser.screenshot("report-filled")
    browser.find("form:not(.logout) button[type=submit].primary").click()
    browser.wait_for(lambda: "Đã lưu báo cáo" in browser.text())
    browser.screenshot("report-saved")
    browser.find("form.logout button").click()
    browser.wait_for(lambda: "/admin/login" in browser.driver.current_url)

    browser.sign_in(server, "huyen213", PASSWORD)
    browser.find("a[href^='/admin/campaigns/']").click()
    browser.wait_for(lambda: "Báo cáo ngày" in browser.text())
    board = browser.find(".today .ok").text
    assert "Đã báo cáo đúng giờ (1)" in board, board
    assert "Phường Thọ Xương" in board, board
    assert browser.page_width() <= 360, "the district board fits a 360 px phone (tables scroll inside)"
    browser.screenshot("district-board")
    browser.find("form.logout button").click()
    browser.wait_for(lambda: "/admin/login" in browser.driver.current_url)

    # The province board counts all 209 communes, shows them 100 a page (attention first) and still fits the
    # phone: wide tables scroll inside. The district filter narrows the table to one district's communes.
    server.run("user", "add", "--username", "tinh24", "--role", "province", "--unit", "24", stdin=PASSWORD + "\n")
    browser.sign_in(server, "tinh24", PASSWORD)
    browser.find("a[href^='/admin/campaigns/']").click()
    browser.wait_for(lambda: "Theo đơn vị (209)" in browser.text())
    assert browser.page_width() <= 360, "the province board fits 360 px"
    assert len(browser.find_all("table.units tbody tr")) == 100
    assert "Trang 1/3" in browser.text()
    browser.screenshot("province-board")
    browser.find("nav.pages a[rel=next]").click()
    browser.wait_for(lambda: "Trang 2/3" in browser.text())
    assert len(browser.find_all("table.units tbody tr")) == 100
    browser.find("nav.pages a[rel=next]").click()
    browser.wait_for(lambda: "Trang 3/3" in browser.text())
    assert len(browser.find_all("table.units tbody tr")) == 9
    Select(browser.find("select[name=district]")).select_by_value("213")
    browser.find("form.noprint button[type=submit]").click()
    browser.wait_for(lambda: "trên tổng số 209" in browser.text())
    rows = browser.find_all("table.units tbody tr")
    assert 0 < len(rows) < 100 and all("Thành phố Bắc Giang" in row.text for row in rows)
    assert browser.page_width() <= 360, "the filters fit 360 px"
    browser.screenshot("province-board-district")


test_commune_reports_and_district_sees_it.server_options = {"simulate_time": simulated_window_time()}
