"""A citizen at 360 px: QR landing page → form → a missing answer shown inline → thanks."""
import time


def test_citizen_answers_from_the_landing_page(server, browser):
    browser.open(server.url + "/q/07210")
    assert "Phường Hoàng Văn Thụ" in browser.text()
    assert browser.page_width() <= 360, "the landing page fits a 360 px phone"
    browser.screenshot("landing")

    browser.find("ul.links a[href^='/s/']").click()
    browser.wait_for(lambda: browser.find_all("form fieldset.q"))
    assert browser.page_width() <= 360, "the form fits a 360 px phone"
    browser.screenshot("form")

    questions = browser.find_all("fieldset.q:not([data-show-if])")
    required = [q for q in questions if q.find_elements("css selector", ".req") and q.find_elements("css selector", "input[type=radio]")]
    assert len(required) >= 3, "the demo form has several required choice questions"
    # Answer every required choice question but the first; pick the first option each time.
    for question in required[1:]:
        question.find_element("css selector", "label.opt").click()
    chosen = [q.find_element("css selector", "input").get_attribute("value") for q in required[1:]]
    first_id = required[0].get_attribute("id")
    time.sleep(4.5)  # a person takes longer than the server's minimum fill time
    browser.find("button[type=submit]").click()
    browser.wait_for(lambda: browser.find_all(".summary"))
    browser.screenshot("missing-answer")

    error = browser.find(f"#{first_id} .error")
    assert error.text == "Vui lòng chọn một câu trả lời.", error.text
    for value in chosen:
        assert browser.find(f"input[value='{value}']").is_selected(), "earlier answers are kept"

    browser.find(f"#{first_id} label.opt").click()
    browser.find("button[type=submit]").click()
    browser.wait_for(lambda: "Cảm ơn" in browser.text())
    assert browser.driver.current_url.endswith("/thanks")
    assert browser.find("ul.actions a.button[href='/g/07210']").is_displayed(), "the suggestion box as a button"
    assert browser.page_width() <= 360, "the thanks page fits a 360 px phone"
    browser.screenshot("thanks")

    # The same phone opens the landing page again: the form is marked answered, and opening it says so.
    browser.open(server.url + "/q/07210")
    assert len(browser.find_all("ul.links li.answered")) == 1, "the answered form is marked"
    assert "đã trả lời phiếu này" in browser.find("ul.links li.answered").text
    browser.find("ul.links a[href^='/s/']").click()
    assert "đã trả lời phiếu này" in browser.text()


def test_follow_up_question_appears_in_place(server, browser):
    """PKS05: the "why" question stays hidden until "Chờ đợi rất lâu" is chosen (JavaScript on)."""
    output = server.run("campaign", "add", "--form", "PKS05", "--title", "Một cửa tháng 6",
                        "--starts", "2020-01-01", "--ends", "2099-12-31", "--unit", "07210")
    campaign_id = output.strip().split()[-1]
    browser.open(f"{server.url}/s/{campaign_id}/07210")
    follow_ups = browser.find_all("fieldset[data-show-if]")
    assert follow_ups, "PKS05 has follow-up questions"
    wait_question = follow_ups[0]
    assert not wait_question.is_displayed(), "hidden until its answer is chosen"
    trigger = browser.find(f"input[value='{wait_question.get_attribute('data-show-if')}']")
    trigger.find_element("xpath", "..").click()
    browser.wait_for(lambda: wait_question.is_displayed())
    browser.screenshot("follow-up-shown")


def test_the_chairmans_manner_is_required_only_from_people_who_met_the_chairman(server, browser):
    """PKS02 (the demo campaign): choosing "Không" at "have you met the chairman?" takes the star off the manner
    question (JavaScript on), and the form is then accepted without it."""
    browser.open(server.url + "/q/07210")
    browser.find("ul.links a[href^='/s/']").click()
    browser.wait_for(lambda: browser.find_all("form fieldset.q"))
    manner = browser.find("fieldset[data-required-when]")
    star = manner.find_element("css selector", ".req")
    assert star.is_displayed(), "required until the person says they never met the chairman"
    assert "Không bắt buộc nếu ở câu 1 Anh/Chị chọn “Không”." in manner.text
    met = browser.find("fieldset.q")
    never = [label for label in met.find_elements("css selector", "label.opt") if label.text == "Không"][0]
    never.click()
    browser.wait_for(lambda: not star.is_displayed())
    browser.screenshot("manner-optional")
    [label for label in met.find_elements("css selector", "label.opt") if label.text == "Có"][0].click()
    browser.wait_for(lambda: star.is_displayed())
    never.click()
    browser.wait_for(lambda: not star.is_displayed())

    # Every other required question answered with its first option; the manner left blank.
    for question in browser.find_all("fieldset.q:not([data-show-if]):not([data-required-when])"):
        if question == met or not question.find_elements("css selector", ".req"):
            continue
        options = question.find_elements("css selector", "label.opt")
        if options:
            options[0].click()
    time.sleep(4.5)  # a person takes longer than the server's minimum fill time
    browser.find("button[type=submit]").click()
    browser.wait_for(lambda: "Cảm ơn" in browser.text())
    assert browser.driver.current_url.endswith("/thanks")
