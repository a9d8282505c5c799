"""The province creates a district account on the web; that account signs in with the slip and must change its
password before anything else."""
from selenium.webdriver.support.ui import Select

PASSWORD = "mat-khau-trinh-duyet-01"
NEW_PASSWORD = "mat-khau-rieng-cua-huyen"


def slip_secrets(browser):
    return [element.text for element in browser.find_all("section.slip dd.secret")]


def test_province_creates_a_district_account_that_must_change_its_password(server, browser):
    server.run("user", "add", "--username", "tinh24", "--role", "province", "--unit", "24", stdin=PASSWORD + "\n")

    browser.sign_in(server, "tinh24", PASSWORD)
    browser.find("a[href='/admin/users']").click()
    browser.wait_for(lambda: "Tài khoản trong phạm vi quản lý" in browser.text())
    assert browser.page_width() <= 360, "the users page fits a 360 px phone"
    browser.find("a[href='/admin/users/new']").click()
    browser.wait_for(lambda: browser.find_all("select[name=unit]"))
    Select(browser.find("select[name=unit]")).select_by_value("215")
    assert browser.page_width() <= 360, "the creation form fits a 360 px phone"
    browser.screenshot("create-form")
    browser.find("form.stack button[type=submit]").click()
    browser.wait_for(lambda: "/admin/users/slips/" in browser.driver.current_url)
    username, password = slip_secrets(browser)
    assert username == "huyen215", username
    assert browser.page_width() <= 360, "the slip fits a 360 px phone"
    browser.screenshot("slip")
    # Reloading the slip shows the same password: nothing is reset a second time.
    browser.driver.refresh()
    browser.wait_for(lambda: browser.find_all("section.slip dd.secret"))
    assert slip_secrets(browser) == [username, password]
    browser.open(server.url + "/admin/users")
    assert "Chưa đổi mật khẩu lần đầu" in browser.text()
    browser.screenshot("users-list")
    browser.find("form.logout button").click()
    browser.wait_for(lambda: "/admin/login" in browser.driver.current_url)

    browser.sign_in(server, username, password)
    browser.wait_for(lambda: browser.driver.current_url.endswith("/admin/password"))
    assert "lần đăng nhập đầu tiên" in browser.text()
    browser.open(server.url + "/admin/users")
    browser.wait_for(lambda: browser.driver.current_url.endswith("/admin/password"))
    browser.find("input[name=current]").send_keys(password)
    browser.find("input[name=new]").send_keys(NEW_PASSWORD)
    browser.find("input[name=repeat]").send_keys(NEW_PASSWORD)
    browser.find("form.stack button[type=submit]").click()
    browser.wait_for(lambda: "Đã đổi mật khẩu" in browser.text())
    browser.open(server.url + "/admin/users")
    browser.wait_for(lambda: "Tài khoản trong phạm vi quản lý" in browser.text())
    browser.screenshot("district-users")
