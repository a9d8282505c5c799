"""A person who answers normally — in desk hours, reading each question, on their own phone — is never refused and
never flagged: the answer is stored and the background scan finds nothing to say about it."""
import datetime
import sqlite3
import time

HANOI = datetime.timezone(datetime.timedelta(hours=7))


def last_weekday():
    """The latest Monday–Friday up to today: the desk is open, and the demo campaign (today ± 30 days) covers it."""
    day = datetime.datetime.now(HANOI).date()
    while day.weekday() > 4:
        day -= datetime.timedelta(days=1)
    return day


def stored(server):
    with sqlite3.connect(f"file:{server.db}?mode=ro", uri=True) as connection:
        answers = connection.execute("SELECT count(*) FROM responses").fetchone()[0]
        flags = connection.execute("SELECT count(*) FROM response_flags").fetchone()[0]
        scanned = connection.execute("SELECT last_response_id FROM flag_scan_progress").fetchone()[0]
        return answers, flags, scanned


def test_a_person_answering_normally_is_neither_refused_nor_flagged(server, browser):
    browser.open(server.url + "/q/07210")
    browser.find("ul.links a[href^='/s/']").click()
    browser.wait_for(lambda: browser.find_all("form fieldset.q"))
    opened = time.monotonic()
    for question in browser.find_all("fieldset.q:not([data-show-if])"):
        options = question.find_elements("css selector", "label.opt")
        if options:
            options[0].click()
    # Follow-ups opened by those choices.
    for question in browser.find_all("fieldset.q[data-show-if]"):
        if question.is_displayed():
            options = question.find_elements("css selector", "label.opt")
            if options:
                options[0].click()
    # About two and a half seconds a question, as a person reads: longer than the too-fast signal's two.
    time.sleep(max(0, 25 - (time.monotonic() - opened)))
    browser.find("button[type=submit]").click()
    browser.wait_for(lambda: "Cảm ơn" in browser.text())
    assert browser.driver.current_url.endswith("/thanks"), "stored and thanked, not refused"

    # The scan runs every second in tests; give it a few to see the answer.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        answers, flags, scanned = stored(server)
        if answers == 1 and scanned >= 1:
            break
        time.sleep(0.5)
    assert (answers, scanned) == (1, 1), "the answer is stored and the scanner has seen it"
    assert flags == 0, "nothing flags a person who answered normally"


test_a_person_answering_normally_is_neither_refused_nor_flagged.server_options = {
    "simulate_time": f"{last_weekday().isoformat()}T09:10:00+07:00"
}
