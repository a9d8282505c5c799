// Follow-up questions appear in place once their answer is chosen. Without this script they stay visible with an
// "if you answered ..." line, and the server checks them the same way.
(function () {
  var followUps = document.querySelectorAll('[data-show-if]');
  if (!followUps.length) return;
  function update() {
    for (var i = 0; i < followUps.length; i++) {
      var box = followUps[i];
      var trigger = document.querySelector('input[value="' + box.getAttribute('data-show-if') + '"]');
      var shown = trigger && trigger.checked;
      box.className = box.className.replace(/ ?hidden/g, '') + (shown ? '' : ' hidden');
    }
  }
  document.addEventListener('change', update);
  update();
})();
