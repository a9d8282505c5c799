"""Every admin list reads on a 360 px phone: cards instead of squeezed tables, and no sideways scrolling."""
PASSWORD = "mat-khau-trinh-duyet-01"

PAGES = ["/admin/campaigns", "/admin/users", "/admin/audit", "/admin/suggestions", "/admin/late", "/admin/today"]


def test_admin_lists_fit_a_phone(server, browser):
    for username, role, unit in [("tinh24", "province", "24"), ("huyen213", "district", "213")]:
        server.run("user", "add", "--username", username, "--role", role, "--unit", unit, stdin=PASSWORD + "\n")
    for username in ["tinh24", "huyen213"]:
        browser.sign_in(server, username, PASSWORD)
        for path in PAGES:
            browser.open(server.url + path)
            assert browser.page_width() <= 360, f"{path} fits a 360 px phone for {username}"
            for table in browser.find_all("table.cards"):
                assert not table.find_element("css selector", "thead").is_displayed(), \
                    f"{path}: a phone shows cards, not a table head"
            browser.screenshot(f"{username}-{path.strip('/').replace('/', '-')}")
        browser.sign_out()
