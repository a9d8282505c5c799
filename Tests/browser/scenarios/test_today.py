"""Today's board: a district lands on it after signing in, sees each unit as a card at 360 px with its status, and
copies the reminder list with the button JavaScript adds; a commune lands on its own day; /admin/late fits too."""
import datetime

PASSWORD = "mat-khau-trinh-duyet-01"
HANOI = datetime.timezone(datetime.timedelta(hours=7))
TODAY = datetime.datetime.now(HANOI).date()


def test_district_and_commune_land_on_today(server, browser):
    for username, role, unit in [("xa07201", "commune", "07201"), ("huyen213", "district", "213")]:
        server.run("user", "add", "--username", username, "--role", role, "--unit", unit, stdin=PASSWORD + "\n")

    # The commune lands on its day, inside the window, and goes on to file.
    browser.sign_in(server, "xa07201", PASSWORD)
    browser.wait_for(lambda: browser.driver.current_url.endswith("/admin/today"))
    assert "Chưa báo cáo" in browser.find("p.today-status").text
    assert browser.page_width() <= 360, "the commune's day fits a 360 px phone"
    browser.screenshot("commune-today")
    browser.sign_out()

    # The district: every commune as a card, the reminder list with a copy button.
    browser.sign_in(server, "huyen213", PASSWORD)
    browser.wait_for(lambda: browser.driver.current_url.endswith("/admin/today"))
    assert browser.find("nav.adminnav a").text == "Hôm nay"
    cards = browser.find_all("table.today-units tbody tr")
    assert len(cards) > 1 and "Phường Thọ Xương" in browser.find("table.today-units").text
    assert not browser.find("table.today-units thead").is_displayed(), "a phone shows cards, not a table head"
    assert browser.page_width() <= 360, "the district board fits a 360 px phone"
    browser.driver.execute_script("document.querySelector('table.today-units').scrollIntoView()")
    browser.screenshot("district-cards")
    reminder = browser.find("#nhac-bao-cao")
    assert "Phường Thọ Xương (07201)" in reminder.get_attribute("value")
    button = browser.find("#nhac-bao-cao + p button")
    assert button.text == "Sao chép danh sách"
    button.click()
    browser.wait_for(lambda: "sao chép" in browser.find("#nhac-bao-cao + p [role=status]").text.lower())
    browser.screenshot("district-today")
    browser.open(server.url + "/admin/late")
    assert browser.page_width() <= 360, "the late-entry list fits a 360 px phone"


test_district_and_commune_land_on_today.server_options = {
    "simulate_time": f"{TODAY.isoformat()}T16:40:00+07:00"
}
