// @ts-check
/* The scorecard form editor: add, remove and reorder sections and criteria, and show the
   points field only for a 0-N scale. Field names are rewritten from the order on the page
   (sections[s][criteria][i][field]) before every post, so the server reads the lists as they
   are shown. Without this script the existing fields can still be edited and posted. */
(function () {
  'use strict';
  var form = /** @type {HTMLFormElement | null} */ (document.getElementById('scorecard-form'));
  var sections = document.getElementById('sc-sections');
  if (!form || !sections) return;
  var sectionsEl = sections;

  /** @param {string} id */
  function template(id) {
    var t = /** @type {HTMLTemplateElement | null} */ (document.getElementById(id));
    var first = t ? t.content.firstElementChild : null;
    return first ? /** @type {HTMLElement} */ (first.cloneNode(true)) : null;
  }

  /** Rewrites every field's name from where it now is on the page. */
  function renumber() {
    sectionsEl.querySelectorAll('[data-section]').forEach(function (section, s) {
      section.querySelectorAll('[data-section-field]').forEach(function (el) {
        var input = /** @type {HTMLInputElement} */ (el);
        input.name = 'sections[' + s + '][' + input.getAttribute('data-section-field') + ']';
      });
      section.querySelectorAll('[data-criterion]').forEach(function (criterion, i) {
        criterion.querySelectorAll('[data-field]').forEach(function (el) {
          var input = /** @type {HTMLInputElement} */ (el);
          input.name =
            'sections[' + s + '][criteria][' + i + '][' + input.getAttribute('data-field') + ']';
        });
      });
    });
  }

  /** @param {Element} root */
  function showPoints(root) {
    root.querySelectorAll('[data-criterion]').forEach(function (criterion) {
      var scale = /** @type {HTMLSelectElement | null} */ (criterion.querySelector('.sc-scale'));
      var points = /** @type {HTMLElement | null} */ (criterion.querySelector('.sc-points'));
      if (scale && points) points.hidden = scale.value !== 'points';
    });
  }

  /** @param {Element} list */
  function addCriterion(list) {
    var criterion = template('sc-criterion-template');
    if (!criterion) return null;
    list.appendChild(criterion);
    showPoints(list);
    renumber();
    var label = /** @type {HTMLInputElement | null} */ (criterion.querySelector('[data-field="label"]'));
    if (label) label.focus();
    return criterion;
  }

  /**
   * Moves an item one place up (-1) or down (+1) among its siblings of the same kind.
   * @param {Element} item @param {string} selector @param {number} step
   */
  function move(item, selector, step) {
    var sibling = step < 0 ? item.previousElementSibling : item.nextElementSibling;
    while (sibling && !sibling.matches(selector)) {
      sibling = step < 0 ? sibling.previousElementSibling : sibling.nextElementSibling;
    }
    if (!sibling || !item.parentElement) return;
    item.parentElement.insertBefore(item, step < 0 ? sibling : sibling.nextElementSibling);
    renumber();
    var button = /** @type {HTMLElement | null} */ (item.querySelector('[data-action]'));
    if (button) button.focus();
  }

  form.addEventListener('click', function (event) {
    var target = /** @type {Element} */ (event.target);
    var button = target.closest ? target.closest('[data-action]') : null;
    if (!button) return;
    var action = button.getAttribute('data-action') || '';
    var criterion = button.closest('[data-criterion]');
    var section = button.closest('[data-section]');
    if (action === 'criterion-up' && criterion) move(criterion, '[data-criterion]', -1);
    else if (action === 'criterion-down' && criterion) move(criterion, '[data-criterion]', 1);
    else if (action === 'criterion-remove' && criterion) {
      criterion.remove();
      renumber();
    } else if (action === 'section-up' && section) move(section, '[data-section]', -1);
    else if (action === 'section-down' && section) move(section, '[data-section]', 1);
    else if (action === 'section-remove' && section) {
      section.remove();
      renumber();
    } else if (action === 'criterion-add' && section) {
      var list = section.querySelector('.sc-criteria');
      if (list) addCriterion(list);
    } else return;
    event.preventDefault();
  });

  var addSection = document.getElementById('section-add');
  if (addSection) {
    addSection.addEventListener('click', function () {
      var section = template('sc-section-template');
      if (!section) return;
      sectionsEl.appendChild(section);
      var list = section.querySelector('.sc-criteria');
      if (list) addCriterion(list);
      var label = /** @type {HTMLInputElement | null} */ (
        section.querySelector('[data-section-field="label"]')
      );
      if (label) label.focus();
    });
  }

  form.addEventListener('change', function (event) {
    var target = /** @type {Element} */ (event.target);
    if (target.matches && target.matches('.sc-scale')) showPoints(sectionsEl);
  });
  form.addEventListener('submit', renumber);
  showPoints(sectionsEl);
  renumber();

  // A refused form opens on the problem.
  var problem = document.querySelector('.sc-problem');
  if (problem) problem.scrollIntoView({ block: 'center' });
})();
