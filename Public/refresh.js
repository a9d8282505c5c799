// Reloads a console page every data-refresh seconds (the dashboard during the reporting window) — but only as
// long as nobody has touched a form field on it: a reload under a half-typed late-entry reason would wipe it.
// Once a field is focused or changed the page stops reloading for good and says so; the "Cập nhật" link still
// reloads by hand. Without JavaScript the page simply stays as it is.
(function () {
  var box = document.querySelector('[data-refresh]');
  if (!box) return;
  var loaded = Date.now();
  var touched = false;

  function isField(node) {
    return node && /^(INPUT|SELECT|TEXTAREA)$/.test(node.tagName) && node.type !== 'hidden';
  }

  function hold(event) {
    if (touched || !isField(event.target)) return;
    touched = true;
    var note = box.querySelector('.auto');
    if (note) note.textContent = '· đã dừng tự cập nhật vì đang nhập liệu; bấm “Cập nhật” để tải lại';
  }

  document.addEventListener('focusin', hold);
  document.addEventListener('input', hold);
  document.addEventListener('change', hold);

  // The interval is read at every tick, so a test can shorten it on a page already loaded.
  setInterval(function () {
    var seconds = parseInt(box.getAttribute('data-refresh'), 10);
    if (touched || !(seconds > 0)) return;
    if (Date.now() - loaded >= seconds * 1000) window.location.reload();
  }, 1000);
})();
