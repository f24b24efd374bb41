(function () {
  'use strict';

  // Columns of each row in #findings-data, as written by HtmlReportWriter.
  var DN = 0, CN = 1, KIND = 2, ATTRIBUTE = 3, ERRORS = 4, VALUE = 5, UPDATE = 6, ACTION = 7, DETAIL = 8;
  var PAGE_SIZES = [50, 100, 200, 500];
  var DEFAULT_PAGE_SIZE = 200;
  var SORT_KEYS = {
    object: function (r) { return (r[CN] || '') + '\u0000' + r[DN]; },
    objectClass: function (r) { return r[KIND]; },
    attribute: function (r) { return r[ATTRIBUTE]; },
    error: function (r) { return r[ERRORS].join(', '); },
    value: function (r) { return r[VALUE]; },
    update: function (r) { return r[UPDATE]; },
    proposedAction: function (r) { return r[ACTION]; },
    detail: function (r) { return r[DETAIL]; }
  };

  var rows = JSON.parse(document.getElementById('findings-data').textContent);
  var totals = JSON.parse(document.getElementById('totals-data').textContent);
  var numbers = new Intl.NumberFormat();

  var ui = {
    filterClass: byId('filter-class'),
    filterAttribute: byId('filter-attribute'),
    filterText: byId('filter-text'),
    form: byId('filters'),
    tbody: document.querySelector('#findings tbody'),
    headers: Array.prototype.slice.call(document.querySelectorAll('#findings th[data-sort]')),
    shown: byId('shown-count'),
    empty: byId('empty-state'),
    pageSize: byId('page-size'),
    pageInfo: byId('page-info'),
    first: byId('page-first'),
    prev: byId('page-prev'),
    next: byId('page-next'),
    last: byId('page-last'),
    byClass: byId('totals-by-class'),
    byAttribute: byId('totals-by-attribute')
  };

  var state = {errorClass: '', attribute: '', text: '', sort: '', dir: 'asc', page: 1, size: DEFAULT_PAGE_SIZE};
  var view = [];          // indexes into rows that pass the filters, in display order
  var viewKey = null;     // the filters and sort view was computed for
  var sorted = null;      // {key, order}: row indexes in the current sort order
  var haystack = null;    // lower-cased searchable text per row, built on the first search

  function byId(id) {
    return document.getElementById(id);
  }

  function append(parent, tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    parent.appendChild(node);
    return node;
  }

  // --- state <-> address (#filter-class=...&filter-attribute=...&filter-text=...&sort=...&dir=...&page=...&size=...)

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    var size = parseInt(params.get('size'), 10);
    var page = parseInt(params.get('page'), 10);
    var sort = params.get('sort') || '';
    state.errorClass = params.get('filter-class') || '';
    state.attribute = params.get('filter-attribute') || '';
    state.text = params.get('filter-text') || '';
    state.sort = Object.prototype.hasOwnProperty.call(SORT_KEYS, sort) ? sort : '';
    state.dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
    state.size = PAGE_SIZES.indexOf(size) >= 0 ? size : DEFAULT_PAGE_SIZE;
    state.page = page > 0 ? page : 1;
  }

  function writeHash() {
    var params = new URLSearchParams();
    if (state.errorClass) { params.set('filter-class', state.errorClass); }
    if (state.attribute) { params.set('filter-attribute', state.attribute); }
    if (state.text) { params.set('filter-text', state.text); }
    if (state.sort) { params.set('sort', state.sort); params.set('dir', state.dir); }
    if (state.page > 1) { params.set('page', String(state.page)); }
    if (state.size !== DEFAULT_PAGE_SIZE) { params.set('size', String(state.size)); }
    var hash = params.toString();
    if (hash !== location.hash.replace(/^#/, '')) {
      history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    }
  }

  function showStateInControls() {
    selectValue(ui.filterClass, state.errorClass);
    selectValue(ui.filterAttribute, state.attribute);
    ui.filterText.value = state.text;
    ui.pageSize.value = String(state.size);
  }

  // A value from the address that no finding has still filters (to nothing) and stays visible.
  function selectValue(select, value) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    if (!known) {
      var option = append(select, 'option', '', value + ' (0)');
      option.value = value;
    }
    select.value = value;
  }

  // --- totals

  function renderTotals() {
    byId('total-findings').textContent = numbers.format(totals.findings);
    byId('total-objects').textContent = numbers.format(totals.objectsWithFindings);
    fillOptions(ui.filterClass, totals.byErrorClass);
    fillOptions(ui.filterAttribute, totals.byAttribute);
    renderBars(ui.byClass, totals.byErrorClass, 'errorClass');
    renderBars(ui.byAttribute, totals.byAttribute, 'attribute');
  }

  function fillOptions(select, counts) {
    Object.keys(counts).forEach(function (name) {
      var option = append(select, 'option', '', name + ' (' + numbers.format(counts[name]) + ')');
      option.value = name;
    });
  }

  function renderBars(list, counts, filter) {
    var names = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); });
    var max = names.length ? counts[names[0]] : 0;
    if (!names.length) {
      append(list, 'li', 'bars-empty', 'None');
      return;
    }
    names.forEach(function (name) {
      var button = append(append(list, 'li'), 'button', 'bar');
      button.type = 'button';
      button.dataset.filter = filter;
      button.dataset.value = name;
      button.title = 'Show only ' + name;
      append(button, 'span', 'bar-label', name);
      append(append(button, 'span', 'bar-track'), 'span', 'bar-fill').style.width = (100 * counts[name] / max) + '%';
      append(button, 'span', 'bar-count', numbers.format(counts[name]));
      button.addEventListener('click', function () {
        state[filter] = state[filter] === name ? '' : name;
        state.page = 1;
        showStateInControls();
        update();
      });
    });
  }

  function markActiveBars() {
    [[ui.byClass, state.errorClass], [ui.byAttribute, state.attribute]].forEach(function (pair) {
      Array.prototype.forEach.call(pair[0].querySelectorAll('.bar'), function (bar) {
        bar.setAttribute('aria-pressed', String(bar.dataset.value === pair[1]));
      });
    });
  }

  // --- filtering and sorting

  function sortOrder() {
    if (!state.sort) {
      return null;
    }
    var key = state.sort + ':' + state.dir;
    if (!sorted || sorted.key !== key) {
      var keyOf = SORT_KEYS[state.sort];
      var keys = rows.map(function (r) { return (keyOf(r) || '').toLowerCase(); });
      var sign = state.dir === 'desc' ? -1 : 1;
      var order = rows.map(function (r, i) { return i; });
      order.sort(function (a, b) {
        return keys[a] < keys[b] ? -sign : keys[a] > keys[b] ? sign : a - b;
      });
      sorted = {key: key, order: order};
    }
    return sorted.order;
  }

  function buildHaystack() {
    haystack = rows.map(function (r) {
      return [r[DN], r[CN], r[KIND], r[ATTRIBUTE], r[ERRORS].join(' '), r[VALUE], r[UPDATE], r[ACTION], r[DETAIL]]
        .join('\n').toLowerCase();
    });
  }

  function computeView() {
    var key = [state.errorClass, state.attribute, state.text, state.sort, state.dir].join('\u0000');
    if (key === viewKey) {
      return;
    }
    viewKey = key;
    var words = state.text.toLowerCase().split(/\s+/).filter(Boolean);
    var attribute = state.attribute.toLowerCase();
    if (words.length && !haystack) {
      buildHaystack();
    }
    var order = sortOrder();
    var count = order ? order.length : rows.length;
    view = [];
    for (var n = 0; n < count; n++) {
      var i = order ? order[n] : n;
      var r = rows[i];
      if (state.errorClass && r[ERRORS].indexOf(state.errorClass) < 0) { continue; }
      if (attribute && r[ATTRIBUTE].toLowerCase() !== attribute) { continue; }
      if (words.length && !words.every(function (w) { return haystack[i].indexOf(w) >= 0; })) { continue; }
      view.push(i);
    }
  }

  // --- rendering

  // Text with line-break opportunities after , @ : / so addresses and DNs wrap at their parts.
  function appendBreakable(parent, text) {
    text.match(/[^,@:\/]*[,@:\/]?/g).forEach(function (part, n) {
      if (part) {
        if (n > 0) {
          parent.appendChild(document.createElement('wbr'));
        }
        parent.appendChild(document.createTextNode(part));
      }
    });
    return parent;
  }

  function renderValue(cell, value) {
    if (value === null || value === '') {
      append(cell, 'span', 'none', value === null ? 'not set' : 'empty');
    } else {
      appendBreakable(append(cell, 'code', 'value'), value);
    }
  }

  function renderRow(r) {
    var tr = document.createElement('tr');
    var object = append(tr, 'td', 'object');
    append(object, 'span', 'cn', r[CN]);
    append(object, 'span', 'dn', r[DN]).title = r[DN];
    append(append(tr, 'td'), 'span', 'kind', r[KIND]);
    append(append(tr, 'td'), 'code', 'attr', r[ATTRIBUTE]);
    var errors = append(tr, 'td');
    r[ERRORS].forEach(function (label) {
      append(errors, 'span', 'badge', label).dataset.error = label;
    });
    renderValue(append(tr, 'td', 'current'), r[VALUE]);
    var update = append(tr, 'td', 'update');
    if (r[UPDATE] === null || r[UPDATE] === r[VALUE]) {
      append(update, 'span', 'none', 'no suggestion');
    } else {
      renderValue(update, r[UPDATE]);
    }
    append(append(tr, 'td'), 'span', 'action', r[ACTION]).dataset.action = r[ACTION];
    appendBreakable(append(tr, 'td', 'detail'), r[DETAIL] || '');
    return tr;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    state.page = Math.min(Math.max(1, state.page), pages);
    var from = (state.page - 1) * state.size;
    var to = Math.min(from + state.size, view.length);
    var fragment = document.createDocumentFragment();
    for (var n = from; n < to; n++) {
      fragment.appendChild(renderRow(rows[view[n]]));
    }
    ui.tbody.replaceChildren(fragment);

    var filtered = view.length !== rows.length;
    ui.shown.textContent = filtered
      ? numbers.format(view.length) + ' of ' + numbers.format(rows.length) + ' findings match'
      : numbers.format(rows.length) + (rows.length === 1 ? ' finding' : ' findings');
    ui.shown.dataset.matching = String(view.length);
    ui.shown.dataset.total = String(rows.length);
    ui.shown.dataset.rendered = String(to - from);
    ui.empty.hidden = view.length > 0;
    ui.empty.textContent = rows.length ? 'No findings match these filters.' : 'No findings: every checked value is ready to sync.';

    ui.pageInfo.textContent = view.length
      ? 'Rows ' + numbers.format(from + 1) + '\u2013' + numbers.format(to) + ' \u00b7 page ' + state.page + ' of ' + pages
      : 'Page 1 of 1';
    ui.first.disabled = ui.prev.disabled = state.page <= 1;
    ui.next.disabled = ui.last.disabled = state.page >= pages;
    ui.headers.forEach(function (th) {
      var active = th.dataset.sort === state.sort;
      th.setAttribute('aria-sort', active ? (state.dir === 'desc' ? 'descending' : 'ascending') : 'none');
    });
    markActiveBars();
  }

  function update() {
    computeView();
    render();
    writeHash();
  }

  // --- events

  function onFilterChange(apply) {
    return function () {
      apply();
      state.page = 1;
      update();
    };
  }

  var typing = null;
  ui.filterClass.addEventListener('change', onFilterChange(function () { state.errorClass = ui.filterClass.value; }));
  ui.filterAttribute.addEventListener('change', onFilterChange(function () { state.attribute = ui.filterAttribute.value; }));
  ui.filterText.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(onFilterChange(function () { state.text = ui.filterText.value.trim(); }), 180);
  });
  ui.form.addEventListener('submit', function (event) { event.preventDefault(); });
  ui.form.addEventListener('reset', function (event) {
    event.preventDefault();
    clearTimeout(typing);
    state.errorClass = state.attribute = state.text = '';
    state.page = 1;
    showStateInControls();
    update();
  });
  ui.headers.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.dataset.sort;
      // ascending, then descending, then back to read order
      if (state.sort !== key) {
        state.sort = key;
        state.dir = 'asc';
      } else if (state.dir === 'asc') {
        state.dir = 'desc';
      } else {
        state.sort = '';
        state.dir = 'asc';
      }
      state.page = 1;
      update();
    });
  });
  ui.pageSize.addEventListener('change', function () {
    var firstRow = (state.page - 1) * state.size;
    state.size = parseInt(ui.pageSize.value, 10);
    state.page = Math.floor(firstRow / state.size) + 1;
    update();
  });
  function goTo(page) {
    return function () {
      state.page = page();
      update();
      ui.tbody.parentNode.parentNode.scrollTop = 0;
    };
  }
  ui.first.addEventListener('click', goTo(function () { return 1; }));
  ui.prev.addEventListener('click', goTo(function () { return state.page - 1; }));
  ui.next.addEventListener('click', goTo(function () { return state.page + 1; }));
  ui.last.addEventListener('click', goTo(function () { return Infinity; }));
  window.addEventListener('hashchange', function () {
    readHash();
    showStateInControls();
    update();
  });

  renderTotals();
  readHash();
  showStateInControls();
  update();
}());
