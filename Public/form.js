// Follow-up questions appear in place once their answer is chosen. Without this script they stay visible with an
// "if you answered ..." line, and the server checks them the same way.
// A question required only on a condition (data-required-when: an option id; data-required-when-chosen: whether
// that option must be chosen or not for the question to be required) shows its star only while the answers
// chosen so far make it required; its line saying when it applies stays, and so does the star without this script.
(function () {
  var followUps = document.querySelectorAll('[data-show-if]');
  var conditional = document.querySelectorAll('[data-required-when]');
  if (!followUps.length && !conditional.length) return;
  function chosen(optionID) {
    var input = document.querySelector('input[value="' + optionID + '"]');
    return !!(input && input.checked);
  }
  function toggle(element, hidden) {
    element.className = element.className.replace(/ ?hidden/g, '') + (hidden ? ' hidden' : '');
  }
  function update() {
    for (var i = 0; i < followUps.length; i++) {
      var box = followUps[i];
      toggle(box, !chosen(box.getAttribute('data-show-if')));
    }
    for (var j = 0; j < conditional.length; j++) {
      var question = conditional[j];
      var wanted = question.getAttribute('data-required-when-chosen') === '1';
      var required = chosen(question.getAttribute('data-required-when')) === wanted;
      var marks = question.querySelectorAll('.req');
      for (var k = 0; k < marks.length; k++) toggle(marks[k], !required);
      question.setAttribute('data-required', required ? 'true' : 'false');
    }
  }
  document.addEventListener('change', update);
  update();
})();
