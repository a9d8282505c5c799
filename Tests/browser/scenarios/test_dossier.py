"""The recognition dossier end to end in a real browser at phone size: a commune scores itself, uploads its three
required documents (real files through the multipart form) and submits; the district scores, uploads its approval
and forwards; the province records the decision. Each side downloads what the other uploaded."""
import datetime
import os
import tempfile
import urllib.request

from selenium.webdriver.support.ui import Select

PASSWORD = "mat-khau-ho-so-cong-nhan"
YEAR = datetime.date.today().year


def submit_and_wait(browser, button):
    """Every POST of the dossier answers 303 to the dossier page."""
    browser.click_and_wait_for_next_page(button)
    browser.wait_for(lambda: browser.find_all("#tai-lieu"))


def pdf(folder, name):
    path = os.path.join(folder, name)
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        handle.write(name.encode())
    return path


def fill_scores(browser, value):
    """Scores every empty criterion; the satisfaction criterion keeps the points proposed from the year's survey."""
    for field in browser.find_all("#diem input[name^='points-']"):
        if field.get_attribute("value") == "":
            field.send_keys(value)
    submit_and_wait(browser, browser.find("#diem button[type=submit]"))


def upload(browser, kind, path):
    Select(browser.find("form.upload select[name=kind]")).select_by_value(kind)
    browser.find("form.upload input[name=file]").send_keys(path)
    submit_and_wait(browser, browser.find("form.upload button[type=submit]"))
    assert os.path.basename(path) in browser.text()


def step(browser, action):
    form = browser.find(f"form.step input[name=action][value={action}]").find_element("xpath", "..")
    submit_and_wait(browser, form.find_element("css selector", "button[type=submit]"))


def test_commune_uploads_and_submits_district_reviews_province_recognises(server, browser):
    for username, role, unit in [("xa07201", "commune", "07201"), ("huyen213", "district", "213"),
                                 ("tinh24", "province", "24")]:
        server.run("user", "add", "--username", username, "--role", role, "--unit", unit, stdin=PASSWORD + "\n")
    files = tempfile.mkdtemp(prefix="qcdc-dossier-files-")
    dossier = f"{server.url}/admin/dossiers/{YEAR}/07201"

    # The commune: opening the dossier starts it.
    browser.sign_in(server, "xa07201", PASSWORD)
    browser.open(dossier)
    browser.wait_for(lambda: "Đang lập" in browser.text())
    assert browser.page_width() <= 360, "the dossier fits a 360 px phone"
    fill_scores(browser, "5")
    for kind, name in [("to_trinh", "to-trinh.pdf"), ("bao_cao", "bao-cao.pdf"), ("tu_cham", "tu-cham.pdf")]:
        upload(browser, kind, pdf(files, name))
    assert browser.find("#tai-lieu").text.count("Đã có (1)") == 3, "the commune's three documents are listed"
    browser.screenshot("commune-documents")
    step(browser, "submit")
    browser.wait_for(lambda: "Đã gửi, chờ thẩm định" in browser.text())
    assert not browser.find_all("form.upload"), "a submitted dossier's documents are fixed"
    browser.screenshot("commune-submitted")
    browser.sign_out()

    # The district: reads the commune's document, scores, uploads its approval and forwards.
    browser.sign_in(server, "huyen213", PASSWORD)
    browser.open(dossier)
    browser.wait_for(lambda: "Đã gửi, chờ thẩm định" in browser.text())
    link = [a for a in browser.find_all("#tai-lieu a") if a.text == "to-trinh.pdf"][0].get_attribute("href")
    cookie = next(c for c in browser.driver.get_cookies() if c["name"].endswith("qcdc_session"))
    request = urllib.request.Request(link, headers={"Cookie": f"{cookie['name']}={cookie['value']}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.read().startswith(b"%PDF-")
        assert response.headers["Content-Disposition"].startswith("attachment;")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    fill_scores(browser, "5")
    upload(browser, "phe_duyet_huyen", pdf(files, "phe-duyet-huyen.pdf"))
    step(browser, "forward")
    browser.wait_for(lambda: "Huyện đã thẩm định, chờ tỉnh quyết định" in browser.text())
    browser.screenshot("district-forwarded")
    browser.sign_out()

    # The province: records the decision.
    browser.sign_in(server, "tinh24", PASSWORD)
    browser.open(dossier)
    browser.wait_for(lambda: "chờ tỉnh quyết định" in browser.text())
    browser.find("form.step input[name=recognised][value='1']").click()
    browser.find("form.step input[name=number]").send_keys("1234/QĐ-UBND")
    step(browser, "decide")
    browser.wait_for(lambda: "Đã có quyết định" in browser.text())
    assert "1234/QĐ-UBND" in browser.text()
    browser.screenshot("province-decided")
    browser.open(f"{server.url}/admin/dossiers/{YEAR}")
    browser.wait_for(lambda: "07201" in browser.text() or "Thọ Xương" in browser.text())
    browser.screenshot("province-list")
