// Progressive enhancement only: every page works without this file.
// Pre-selects the browser's time zone in a select marked data-detect-zone, when nothing is chosen.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) {
      return;
    }
    document.querySelectorAll("select[data-detect-zone]").forEach(function (select) {
      if (select.value) {
        return;
      }
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === zone) {
          select.value = zone;
          select.setAttribute("data-detected", zone);
          break;
        }
      }
    });
  });
})();
