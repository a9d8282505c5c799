// Adds a copy button under each read-only list marked data-copy (the reminder list of today's board). Without
// JavaScript the list stays selectable text; the button exists only where it works.
(function () {
  var fields = document.querySelectorAll('textarea[data-copy]');
  for (var i = 0; i < fields.length; i++) {
    (function (field) {
      var line = document.createElement('p');
      var button = document.createElement('button');
      var status = document.createElement('span');
      button.type = 'button';
      button.className = 'button';
      button.textContent = 'Sao chép danh sách';
      status.className = 'note';
      status.setAttribute('role', 'status');
      function done() { status.textContent = ' Đã sao chép.'; }
      function byHand() {
        field.focus();
        field.select();
        try {
          if (document.execCommand('copy')) { done(); return; }
        } catch (e) { /* an old WebView: the text is selected, the person copies it */ }
        status.textContent = ' Đã chọn sẵn danh sách, hãy sao chép.';
      }
      button.addEventListener('click', function () {
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(field.value).then(done, byHand);
        } else {
          byHand();
        }
      });
      line.appendChild(button);
      line.appendChild(status);
      field.parentNode.insertBefore(line, field.nextSibling);
    })(fields[i]);
  }
})();
