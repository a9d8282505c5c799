"""What a commune reports, read by its district (issue 15), in a real browser at phone size: the commune files its
daily report and attaches a photo of the day's outreach through the multipart form; the district finds the report
in its list, reads it with the photo (served as an image with nosniff) and replies; the commune sees the reply on
its report page and on its today board."""
import datetime
import os
import struct
import tempfile
import urllib.request
import zlib


PASSWORD = "mat-khau-doc-bao-cao-01"
HANOI = datetime.timezone(datetime.timedelta(hours=7))
TODAY = datetime.datetime.now(HANOI).date()
REPLY = "Huyện đã nhận; sẽ gửi thêm loa cho xã trong tuần."


def png(folder, name):
    """A real 8×8 red PNG, so the browser can draw the thumbnail."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 8 for _ in range(8))
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    path = os.path.join(folder, name)
    with open(path, "wb") as handle:
        handle.write(data)
    return path


def submit_and_wait(browser, button):
    browser.click_and_wait_for_next_page(button)


def test_commune_files_with_a_photo_district_reads_and_replies(server, browser):
    for username, role, unit in [("xa07201", "commune", "07201"), ("huyen213", "district", "213")]:
        server.run("user", "add", "--username", username, "--role", role, "--unit", unit, stdin=PASSWORD + "\n")
    files = tempfile.mkdtemp(prefix="qcdc-report-photos-")

    # The commune files today's report, then adds a photo from the same page.
    browser.sign_in(server, "xa07201", PASSWORD)
    browser.find("a[href='/admin/report']").click()
    browser.wait_for(lambda: browser.find_all("input[name=visitors]"))
    for name, value in [("visitors", "20"), ("guided", "15"), ("staff_on_duty", "2"), ("volunteers", "1")]:
        field = browser.find(f"input[name={name}]")
        field.clear()
        field.send_keys(value)
    browser.find("textarea[name=difficulties]").send_keys("Loa truyền thanh hỏng một cụm")
    submit_and_wait(browser, browser.find("form:not(.logout):not(.upload) button[type=submit].primary"))
    browser.wait_for(lambda: "Đã lưu báo cáo ngày" in browser.text())
    browser.find("form.upload input[name=file]").send_keys(png(files, "tuyen-truyen.png"))
    submit_and_wait(browser, browser.find("form.upload button[type=submit]"))
    browser.wait_for(lambda: "Đã nhận ảnh" in browser.text())
    assert len(browser.find_all("ul.report-photos img")) == 1
    assert browser.page_width() <= 360, "the report page with its photo fits a 360 px phone"
    browser.screenshot("commune-report-photo")
    browser.sign_out()

    # The district: its list of the day, the commune's report with the photo, and a reply.
    browser.sign_in(server, "huyen213", PASSWORD)
    browser.find("a[href='/admin/reports']").click()
    browser.wait_for(lambda: "xã đã nộp báo cáo ngày" in browser.text())
    assert "Loa truyền thanh hỏng một cụm" in browser.find("table.commune-reports").text
    assert browser.page_width() <= 360, "the list fits a 360 px phone"
    browser.screenshot("district-report-list")
    browser.find(f"a[href='/admin/reports/07201/{TODAY.isoformat()}']").click()
    browser.wait_for(lambda: "Lượt người đến" in browser.text())
    assert "Loa truyền thanh hỏng một cụm" in browser.text()
    image = browser.find("ul.report-photos img")
    browser.wait_for(lambda: browser.driver.execute_script("return arguments[0].naturalWidth", image) == 8)
    cookie = next(c for c in browser.driver.get_cookies() if c["name"].endswith("qcdc_session"))
    request = urllib.request.Request(image.get_attribute("src"),
                                     headers={"Cookie": f"{cookie['name']}={cookie['value']}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.read().startswith(b"\x89PNG")
        assert response.headers["Content-Type"] == "image/png"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    browser.find("textarea[name=body]").send_keys(REPLY)
    submit_and_wait(browser, browser.find("#phan-hoi form button[type=submit]"))
    browser.wait_for(lambda: "Đã gửi phản hồi" in browser.text())
    assert REPLY in browser.find("#phan-hoi").text
    assert browser.page_width() <= 360, "the report page fits a 360 px phone"
    browser.screenshot("district-replied")
    browser.sign_out()

    # The commune: the reply on its today board and on its report page.
    browser.sign_in(server, "xa07201", PASSWORD)
    browser.open(f"{server.url}/admin/today")
    browser.wait_for(lambda: REPLY in browser.text())
    browser.find("a[href='/admin/report']").click()
    browser.wait_for(lambda: "Phản hồi của cấp trên" in browser.text())
    assert REPLY in browser.find("#phan-hoi").text
    browser.screenshot("commune-sees-reply")


# Inside today's report window (16:30–17:30 in Hà Nội), whatever the hour the suite runs.
test_commune_files_with_a_photo_district_reads_and_replies.server_options = {
    "simulate_time": f"{TODAY.isoformat()}T16:40:00+07:00"
}
