// Shows how many characters are left in fields that have a limit (the suggestion box).
(function () {
  var fields = document.querySelectorAll('textarea[maxlength][data-counter]');
  for (var i = 0; i < fields.length; i++) {
    (function (field) {
      var out = document.getElementById(field.getAttribute('data-counter'));
      if (!out) return;
      function update() { out.textContent = 'Còn ' + (field.maxLength - field.value.length) + ' ký tự'; }
      field.addEventListener('input', update);
      update();
    })(fields[i]);
  }
})();
