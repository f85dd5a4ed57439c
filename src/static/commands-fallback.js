/*
 * The ribbon's function file, ES5 and first: when our commands bundle cannot run (an Internet
 * Explorer or old Edge webview in volume-licensed Office 2016/2019, a blocked script), the buttons
 * must not do nothing. Then this defines the manifest's functions itself (Office calls global
 * functions of those names when no handler is associated) and each one opens unsupported.html — the
 * task pane's static message — with the Dialog API 1.1, which Office 2016 has; when the user closes
 * it, the command completes. While the bundle runs, this defines nothing.
 * tests/taskpane/fallback-es5.test.ts parses this file as ECMAScript 5.
 */
(function () {
  var FUNCTIONS = ['recalculateRates', 'undoLastRun'];
  // A separate-runtime command is stopped after five minutes; let the dialog go a little before.
  var WAIT_MS = 4 * 60 * 1000;
  var installed = false;

  function dialogUrl() {
    var here = String(window.location.href).split('#')[0].split('?')[0];
    return here.substring(0, here.lastIndexOf('/') + 1) + 'unsupported.html';
  }

  function complete(event) {
    try {
      if (event && typeof event.completed === 'function') event.completed();
    } catch (e) {
      /* nothing left to tell the user with */
    }
  }

  function explain(event) {
    var done = false;
    var finish = function (dialog) {
      if (done) return;
      done = true;
      try {
        if (dialog) dialog.close();
      } catch (e) {
        /* already closed by the user */
      }
      complete(event);
    };
    try {
      Office.context.ui.displayDialogAsync(dialogUrl(), { height: 60, width: 40, displayInIframe: true }, function (result) {
        if (result.status !== 'succeeded') {
          finish();
          return;
        }
        var dialog = result.value;
        setTimeout(function () { finish(dialog); }, WAIT_MS);
        // 12006: the user closed the dialog; any event ends it.
        dialog.addEventHandler('dialogEventReceived', function () { finish(); });
      });
    } catch (e) {
      finish();
    }
  }

  function install(reason) {
    if (installed) return;
    installed = true;
    document.documentElement.setAttribute('data-fallback-reason', reason);
    for (var i = 0; i < FUNCTIONS.length; i++) window[FUNCTIONS[i]] = explain;
    // Old Office waits for Office.initialize before it runs a command; the bundle that would set it did not run.
    if (window.Office && !window.Office.initialize) window.Office.initialize = function () {};
  }

  var modern = typeof window.Promise === 'function' && typeof window.Symbol === 'function' && typeof window.BigInt === 'function' && typeof window.fetch === 'function';
  if (!modern) {
    // office.js loads after this script: install once it has defined Office.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { install('old-webview'); });
    else install('old-webview');
    return;
  }
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target || event.srcElement;
      var source = (target && target.tagName === 'SCRIPT' ? target.src : event.filename) || '';
      // Only our own scripts (this page's origin): office.js and what it loads from Microsoft's hosts
      // (MicrosoftAjax.js, telemetry) may be blocked by a proxy without our commands being broken.
      if (source.indexOf(location.protocol + '//' + location.host + '/') !== 0) return;
      if (target && target.tagName === 'SCRIPT') install('script-not-loaded');
      else if (event.message && /SyntaxError|Unexpected|Invalid|expected/i.test(String(event.message))) install('script-error');
    },
    true
  );
})();
