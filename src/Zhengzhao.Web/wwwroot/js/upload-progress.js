// Shows upload progress for large spreadsheets; without JavaScript the form posts as usual.
(function () {
  const form = document.getElementById('import-form');
  const box = document.getElementById('upload-progress');
  if (!form || !box || !window.XMLHttpRequest) return;
  const bar = box.querySelector('progress');
  const label = box.querySelector('span');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action || window.location.href);
    request.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      bar.value = percent;
      label.textContent = percent < 100 ? '正在上传 ' + percent + '%' : '上传完成，正在检查每一行…';
    });
    request.addEventListener('load', function () {
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', function () { label.textContent = '上传失败，请检查网络后重试。'; });
    box.hidden = false;
    form.querySelector('button[type=submit]').disabled = true;
    request.send(new FormData(form));
  });
})();
