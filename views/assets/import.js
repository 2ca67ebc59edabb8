// @ts-check
// Upload progress for the import form. Without JavaScript the form posts as usual.
(function () {
  const form = /** @type {HTMLFormElement | null} */ (document.getElementById('import-form'));
  const bar = /** @type {HTMLProgressElement | null} */ (document.getElementById('import-progress'));
  const label = document.getElementById('import-progress-label');
  if (!form || !bar || !label || !window.XMLHttpRequest || !window.FormData) return;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'text/html');
    bar.hidden = false;
    xhr.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      var pct = Math.round((e.loaded / e.total) * 100);
      bar.value = pct;
      label.textContent = (label.dataset.uploading || '').replace('{pct}', String(pct));
    };
    xhr.upload.onload = function () {
      bar.removeAttribute('value');
      label.textContent = label.dataset.processing || '';
    };
    xhr.onload = function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
    };
    xhr.onerror = function () {
      label.textContent = label.dataset.failed || '';
    };
    /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]')).disabled = true;
    xhr.send(new FormData(form));
  });
})();
