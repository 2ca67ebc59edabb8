// @ts-check
// The header's menus (<details>): one open at a time, closed by a click elsewhere or Escape.
// Without JavaScript each menu still opens and closes on its own.
(function () {
  'use strict';
  var menus = /** @type {NodeListOf<HTMLDetailsElement>} */ (
    document.querySelectorAll('header.top details.menu')
  );
  if (menus.length === 0) return;

  /** @param {HTMLDetailsElement | null} keep */
  function closeAll(keep) {
    menus.forEach(function (menu) {
      if (menu !== keep) menu.open = false;
    });
  }

  menus.forEach(function (menu) {
    menu.addEventListener('toggle', function () {
      if (menu.open) closeAll(menu);
    });
  });
  document.addEventListener('click', function (e) {
    var target = /** @type {Node | null} */ (e.target);
    var inside = false;
    menus.forEach(function (menu) {
      if (target && menu.contains(target)) inside = true;
    });
    if (!inside) closeAll(null);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var open = null;
    menus.forEach(function (menu) {
      if (menu.open) open = menu;
    });
    closeAll(null);
    if (open) /** @type {HTMLDetailsElement} */ (open).querySelector('summary')?.focus();
  });
})();
