/*
 * The task pane's own first script, in ES5 and without dependencies, so that it runs where our bundle
 * cannot: the Internet Explorer 11 or old Edge webview of volume-licensed Office 2016/2019, Safari
 * before 14 on old Macs, a bundle that a proxy blocked or cut short. It shows taskpane.html's static
 * message (#startup-fallback) when the bundle cannot start; the bundle hides the message when it runs.
 * tests/taskpane/fallback-es5.test.ts parses this file as ECMAScript 5.
 */
(function () {
  var doc = document;
  var root = doc.documentElement;

  // The class alone shows the message (taskpane-fallback.css), even before the <div> is parsed.
  function show(reason) {
    if (/(^|\s)jixiao-started(\s|$)/.test(root.className)) return;
    if (!/(^|\s)jixiao-failed(\s|$)/.test(root.className)) root.className += ' jixiao-failed';
    root.setAttribute('data-fallback-reason', reason);
    var box = doc.getElementById('startup-fallback');
    if (box) box.removeAttribute('hidden');
  }

  // Our bundles use BigInt literals and ES2017+ syntax: a webview without BigInt cannot even parse them.
  var modern = typeof window.Promise === 'function' && typeof window.Symbol === 'function' && typeof window.BigInt === 'function' && typeof window.fetch === 'function';
  if (!modern) {
    show('old-webview');
    return;
  }

  // Our own scripts are served from this page's origin; office.js and what it loads (MicrosoftAjax.js,
  // its telemetry script) come from Microsoft's hosts, and a proxy blocking those is Office's to explain.
  var own = location.protocol + '//' + location.host + '/';
  function isOwn(url) {
    return String(url || '').indexOf(own) === 0;
  }

  // One of our own scripts did not load (blocked, 404, cut off): its <script> fires "error", captured here.
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target || event.srcElement;
      if (target && target.tagName === 'SCRIPT') {
        // office.js failing is the bundle's to explain (it says Office could not be reached).
        if (isOwn(target.src)) show('script-not-loaded');
        return;
      }
      // A syntax error in a bundle that did arrive (an old engine, a truncated file).
      if (isOwn(event.filename) && event.message && /SyntaxError|Unexpected|Invalid|expected/i.test(String(event.message))) show('script-error');
    },
    true
  );
})();
