/* The målekort dashboard: plain JavaScript over the reporting API (no build step, nothing from outside). */
(function () {
  'use strict';

  var PERSPECTIVES = {
    USER: 'Brukerperspektivet',
    EMPLOYEE: 'Medarbeiderperspektivet',
    PROCESS: 'Internt perspektiv',
    RESOURCES: 'Ressursperspektivet'
  };
  var STATUS = {
    ON_TARGET: 'Målet er nådd hittil i år',
    NEAR_TARGET: 'Nær målet (innen 5 %)',
    OFF_TARGET: 'Målet er ikke nådd',
    NO_TARGET: 'Uten mål (følges som statistikk)',
    NO_DATA: 'Ingen data ennå'
  };
  var ORIGIN = { CENTRAL: 'sentralt', REGIONAL: 'regionalt', LOCAL: 'lokalt' };
  var MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
    'november', 'desember'];

  var state = { units: [], unit: null, month: null, card: null, selected: null };
  var $ = function (id) { return document.getElementById(id); };

  // a dev token may come in the address (#token=...): kept for this tab only, then removed from the address bar
  (function takeToken() {
    var match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match) {
      sessionStorage.setItem('mrs-token', decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
  })();

  function api(path, accept) {
    var headers = { Accept: accept || 'application/json' };
    var token = sessionStorage.getItem('mrs-token');
    if (token) { headers.Authorization = 'Bearer ' + token; }
    return fetch(path, { headers: headers }).then(function (response) {
      // a download is kept as bytes (text() would drop the CSV's byte order mark)
      if (response.ok) { return accept ? response.blob() : response.json(); }
      var error = new Error('HTTP ' + response.status);
      error.status = response.status;
      throw error;
    });
  }

  // a paged list (docs/PAGING.md): follows Link rel="next" until the last page, and answers every item
  function apiAll(path, items) {
    var headers = { Accept: 'application/json' };
    var token = sessionStorage.getItem('mrs-token');
    if (token) { headers.Authorization = 'Bearer ' + token; }
    return fetch(path, { headers: headers }).then(function (response) {
      if (!response.ok) {
        var error = new Error('HTTP ' + response.status);
        error.status = response.status;
        throw error;
      }
      var next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('Link') || '');
      return response.json().then(function (page) {
        var all = (items || []).concat(page);
        return next ? apiAll(next[1], all) : all;
      });
    });
  }

  // ------------------------------------------------------------------ formatting

  var fmt = {
    1: new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }),
    0: new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }),
    2: new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 })
  };

  function number(value, measure) {
    if (value === null || value === undefined) { return '–'; }
    if (measure === 'RATIO') { return fmt[1].format(value) + ' %'; }
    if (measure === 'SCORE') { return fmt[2].format(value); }
    return fmt[0].format(value);
  }

  function monthName(period) {
    var parts = period.split('-');
    return MONTHS[Number(parts[1]) - 1] + ' ' + parts[0];
  }

  function shift(period, months) {
    var parts = period.split('-');
    var index = Number(parts[0]) * 12 + Number(parts[1]) - 1 + months;
    var month = index % 12 + 1;
    return Math.floor(index / 12) + '-' + (month < 10 ? '0' : '') + month;
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function svg(tag, attributes) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  function message(text) {
    $('message').textContent = text;
    $('message').hidden = !text;
  }

  // ------------------------------------------------------------------ choosing a unit and a month

  function unitName(id) {
    var unit = state.units.filter(function (u) { return u.unitId === id; })[0];
    return unit ? unit.name : id;
  }

  function fillUnits() {
    var select = $('unit');
    select.textContent = '';
    var byParent = {};
    state.units.forEach(function (u) { (byParent[u.parentId || ''] = byParent[u.parentId || ''] || []).push(u); });
    var known = {};
    state.units.forEach(function (u) { known[u.unitId] = true; });
    function add(unit, depth) {
      var option = el('option', { value: unit.unitId }, '\u00a0\u00a0\u00a0\u00a0'.repeat(depth) + unit.name + ' (' + unit.unitId + ')');
      select.appendChild(option);
      (byParent[unit.unitId] || []).sort(function (a, b) { return a.name.localeCompare(b.name, 'nb'); })
        .forEach(function (child) { add(child, depth + 1); });
    }
    state.units.filter(function (u) { return !u.parentId || !known[u.parentId]; })
      .sort(function (a, b) { return a.unitId.localeCompare(b.unitId); })
      .forEach(function (root) { add(root, 0); });
    if (state.unit) { select.value = state.unit; }
  }

  function loadUnits() {
    return apiAll('/api/units?period=' + state.month).then(function (units) {
      state.units = units;
      if (!state.unit || !units.some(function (u) { return u.unitId === state.unit; })) {
        var national = units.filter(function (u) { return u.level === 'NATIONAL'; })[0];
        state.unit = national ? national.unitId : (units[0] && units[0].unitId);
      }
      fillUnits();
    });
  }

  // ------------------------------------------------------------------ the scorecard

  function trendCell(row) {
    var td = el('td', { 'class': 'trend-cell' });
    if (!row.trend) { td.textContent = ''; return td; }
    var good = (row.trend === 'UP' && row.direction === 'HIGHER_IS_BETTER')
      || (row.trend === 'DOWN' && row.direction === 'LOWER_IS_BETTER');
    var kind = row.trend === 'FLAT' ? 'flat' : good ? 'good' : 'bad';
    var arrow = row.trend === 'UP' ? '↑' : row.trend === 'DOWN' ? '↓' : '→';
    var words = row.trend === 'UP' ? 'stigende' : row.trend === 'DOWN' ? 'synkende' : 'stabil';
    td.appendChild(el('span', { 'class': 'trend ' + kind, title: 'Trend: ' + words + (kind === 'flat' ? ''
      : kind === 'good' ? ' (god utvikling)' : ' (dårlig utvikling)') }, arrow));
    return td;
  }

  function goalCell(row) {
    var td = el('td', { 'class': 'goal' });
    td.appendChild(el('span', { 'class': 'status ' + row.status, title: STATUS[row.status] },
      row.status === 'NO_TARGET' || row.status === 'NO_DATA' ? '○' : '●'));
    if (row.goal) {
      td.appendChild(document.createTextNode(row.goal.target === null ? 'følges' : number(row.goal.target, row.measure)));
      td.appendChild(el('span', { 'class': 'origin ' + row.goal.origin, title: 'Målet er satt ' + ORIGIN[row.goal.origin]
        + (row.goal.sourceUnitId ? ' (' + unitName(row.goal.sourceUnitId) + ')' : '') }, ORIGIN[row.goal.origin]));
    }
    return td;
  }

  function renderCard(card) {
    var tbody = $('scorecard').querySelector('tbody');
    tbody.textContent = '';
    var rows = 0;
    card.perspectives.forEach(function (p) {
      var head = el('tr', { 'class': 'perspective' });
      head.appendChild(el('td', { colspan: '9' }, PERSPECTIVES[p.perspective] || p.perspective));
      tbody.appendChild(head);
      p.rows.forEach(function (row) {
        rows++;
        var tr = el('tr', { 'class': 'row', 'data-indicator': row.indicatorId, tabindex: '0' });
        tr.appendChild(el('td', { 'class': 'id' }, row.indicatorId));
        tr.appendChild(el('td', { 'class': 'name' }, row.name));
        tr.appendChild(goalCell(row));
        tr.appendChild(trendCell(row));
        [row.yearToDate.thisYear, row.yearToDate.lastYear, row.period.thisYear, row.period.lastYear]
          .forEach(function (v) { tr.appendChild(el('td', { 'class': 'num' }, number(v, row.measure))); });
        var spark = el('td', { 'class': 'spark-cell' });
        tr.appendChild(spark);
        tr.addEventListener('click', function () { select(row); });
        tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') { select(row); } });
        tbody.appendChild(tr);
        api('/api/series/' + encodeURIComponent(card.unitId) + '/' + encodeURIComponent(row.indicatorId)
          + '?from=' + shift(card.period, -23) + '&to=' + card.period)
          .then(function (points) { spark.appendChild(sparkline(points)); })
          .catch(function () { spark.textContent = ''; });
      });
    });
    $('title').textContent = card.unitName + ' – ' + monthName(card.period);
    $('asof').textContent = card.asOf ? 'Oppdatert ' + new Date(card.asOf).toLocaleString('nb-NO') : '';
    $('card').hidden = rows === 0;
    message(rows === 0 ? 'Ingen data for ' + card.unitName + ' i ' + monthName(card.period)
      + ': ingen mål i kraft og ingen rapporterte resultater det året. Velg en annen enhet eller måned.' : '');
  }

  function sparkline(points) {
    var width = 120, height = 26;
    var values = points.map(function (p) { return p.value; }).filter(function (v) { return v !== null; });
    var node = svg('svg', { 'class': 'spark', width: width, height: height, viewBox: '0 0 ' + width + ' ' + height,
      role: 'img', 'aria-label': 'Utvikling siste 24 måneder' });
    if (values.length === 0) { return node; }
    var min = Math.min.apply(null, values), max = Math.max.apply(null, values);
    var span = max - min || 1;
    var x = function (i) { return (i / Math.max(points.length - 1, 1)) * (width - 2) + 1; };
    var y = function (v) { return height - 2 - ((v - min) / span) * (height - 4); };
    var segment = [];
    function flush() {
      if (segment.length > 0) { node.appendChild(svg('polyline', { points: segment.join(' ') })); }
      segment = [];
    }
    points.forEach(function (p, i) {
      if (p.value === null) { flush(); } else { segment.push(x(i).toFixed(1) + ',' + y(p.value).toFixed(1)); }
    });
    flush();
    return node;
  }

  function loadCard() {
    if (!state.unit || !state.month) { return Promise.resolve(); }
    closeDetail();
    history.replaceState(null, '', location.pathname + '?unit=' + encodeURIComponent(state.unit) + '&period=' + state.month);
    return api('/api/scorecards/' + encodeURIComponent(state.unit) + '?period=' + state.month).then(function (card) {
      state.card = card;
      renderCard(card);
    });
  }

  // ------------------------------------------------------------------ one row in detail

  function select(row) {
    state.selected = row;
    Array.prototype.forEach.call(document.querySelectorAll('tr.row'), function (tr) {
      tr.classList.toggle('selected', tr.getAttribute('data-indicator') === row.indicatorId);
    });
    $('detail').hidden = false;
    $('detail-title').textContent = row.indicatorId + ' ' + row.name + ' – ' + state.card.unitName;
    $('chart').textContent = '';
    $('comments').textContent = '';
    $('comparison').querySelector('tbody').textContent = '';
    var unit = encodeURIComponent(state.card.unitId), indicator = encodeURIComponent(row.indicatorId);
    api('/api/series/' + unit + '/' + indicator + '?from=' + shift(state.card.period, -23) + '&to=' + state.card.period)
      .then(function (points) { renderSeries(points, row); })
      .catch(function (e) { $('chart').textContent = 'Kunne ikke hente serien (' + e.message + ').'; });
    api('/api/comparisons/' + unit + '/' + indicator + '?period=' + state.card.period)
      .then(function (entries) { renderComparison(entries, row); })
      .catch(function (e) { $('comparison-title').textContent = 'Kunne ikke hente sammenligningen (' + e.message + ').'; });
    $('detail').scrollIntoView({ block: 'nearest' });
  }

  function closeDetail() {
    $('detail').hidden = true;
    state.selected = null;
    Array.prototype.forEach.call(document.querySelectorAll('tr.row.selected'), function (tr) {
      tr.classList.remove('selected');
    });
  }

  function renderSeries(points, row) {
    var width = 720, height = 240, left = 56, right = 12, top = 12, bottom = 28;
    var all = [];
    points.forEach(function (p) { if (p.value !== null) { all.push(p.value); } if (p.target !== null) { all.push(p.target); } });
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': 'Serie for ' + row.indicatorId + ' med mållinje' });
    if (all.length === 0) {
      $('chart').textContent = 'Ingen data de siste 24 månedene.';
    } else {
      var min = Math.min.apply(null, all), max = Math.max.apply(null, all);
      if (min === max) { min -= 1; max += 1; }
      var pad = (max - min) * 0.1; min -= pad; max += pad;
      var x = function (i) { return left + (i / Math.max(points.length - 1, 1)) * (width - left - right); };
      var y = function (v) { return top + (1 - (v - min) / (max - min)) * (height - top - bottom); };
      chart.appendChild(svg('line', { 'class': 'axis', x1: left, x2: width - right, y1: height - bottom, y2: height - bottom }));
      [min + pad, (min + max) / 2, max - pad].forEach(function (v) {
        var label = svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' });
        label.textContent = number(v, row.measure);
        chart.appendChild(label);
      });
      points.forEach(function (p, i) {
        if (i % 3 === 0 || i === points.length - 1) {
          var label = svg('text', { x: x(i), y: height - 8, 'text-anchor': 'middle' });
          label.textContent = p.period.substring(2).replace('-', '/');
          chart.appendChild(label);
        }
      });
      var target = [], value = [];
      function line(list, cls) { if (list.length > 1) { chart.appendChild(svg('polyline', { 'class': cls, points: list.join(' ') })); } list.length = 0; }
      points.forEach(function (p, i) {
        if (p.target === null) { line(target, 'target'); } else { target.push(x(i) + ',' + y(p.target)); }
        if (p.value === null) { line(value, 'value'); } else { value.push(x(i) + ',' + y(p.value)); }
      });
      line(target, 'target');
      line(value, 'value');
      points.forEach(function (p, i) {
        if (p.value !== null) {
          var dot = svg('circle', { cx: x(i), cy: y(p.value), r: 3, 'class': p.comment ? 'commented' : '' });
          var tip = svg('title');
          tip.textContent = monthName(p.period) + ': ' + number(p.value, row.measure) + (p.comment ? ' – ' + p.comment : '');
          dot.appendChild(tip);
          chart.appendChild(dot);
        }
      });
      $('chart').appendChild(chart);
    }
    var comments = points.filter(function (p) { return p.comment; });
    if (comments.length === 0) {
      $('comments').appendChild(el('li', { 'class': 'none' }, 'Ingen kommentarer i perioden.'));
    }
    comments.reverse().forEach(function (p) {
      $('comments').appendChild(el('li', {}, monthName(p.period) + ': ' + p.comment));
    });
  }

  function renderComparison(entries, row) {
    var tbody = $('comparison').querySelector('tbody');
    $('comparison-title').textContent = entries.length === 0
      ? 'Ingen underenheter å sammenligne' : 'Sammenligning av underenheter (best først)';
    var max = Math.max.apply(null, entries.map(function (e) { return Math.abs(e.yearToDate || 0); }).concat([1]));
    entries.forEach(function (entry) {
      var tr = el('tr', { 'data-unit': entry.unitId });
      tr.appendChild(el('td', {}, String(entry.rank)));
      tr.appendChild(el('td', {}, entry.unitName));
      tr.appendChild(el('td', { 'class': 'num' }, number(entry.yearToDate, row.measure)));
      tr.appendChild(el('td', { 'class': 'num' }, number(entry.period, row.measure)));
      var barCell = el('td', { 'class': 'bar-cell' });
      var bar = el('div', { 'class': 'bar' });
      bar.style.width = (entry.yearToDate === null ? 0 : Math.round(Math.abs(entry.yearToDate) / max * 160)) + 'px';
      barCell.appendChild(bar);
      tr.appendChild(barCell);
      tbody.appendChild(tr);
    });
  }

  // ------------------------------------------------------------------ start

  function failed(error) {
    $('card').hidden = true;
    if (error.status === 401 || error.status === 403) {
      message('Du må være logget inn for å se målekortet. Åpne siden med #token=<token> i adressen'
        + ' (./mrs token --roles viewer --units 0000).');
    } else if (error.status === 404) {
      message('Enheten finnes ikke i rapporteringsdataene.');
    } else {
      message('Noe gikk galt ved henting av data (' + error.message + '). Prøv igjen om litt.');
    }
  }

  $('unit').addEventListener('change', function () {
    state.unit = $('unit').value;
    loadCard().catch(failed);
  });
  $('month').addEventListener('change', function () {
    if (!/^\d{4}-\d{2}$/.test($('month').value)) { return; }
    state.month = $('month').value;
    loadUnits().then(loadCard).catch(failed);
  });
  $('choice').addEventListener('submit', function (e) { e.preventDefault(); });
  $('close').addEventListener('click', closeDetail);
  // the same scorecard as CSV for Excel or as .xlsx (chosen with Accept), saved as a file
  function download(accept, extension) {
    return function (e) {
      e.preventDefault();
      if (!state.unit || !state.month) { return; }
      api('/api/scorecards/' + encodeURIComponent(state.unit) + '?period=' + state.month, accept).then(function (file) {
        var link = el('a', { href: URL.createObjectURL(file),
          download: 'malekort-' + state.unit + '-' + state.month + '.' + extension });
        document.body.appendChild(link);
        link.click();
        link.remove();
      }).catch(failed);
    };
  }
  $('csv').addEventListener('click', download('text/csv', 'csv'));
  $('xlsx').addEventListener('click',
    download('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'));

  // ?unit=0300&period=2021-06 opens that scorecard (the address is kept up to date, so it can be shared)
  var asked = new URLSearchParams(location.search);
  if (asked.get('unit')) { state.unit = asked.get('unit'); }

  api('/api/periods').then(function (periods) {
    var now = new Date();
    state.month = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked.get('period') || '') ? asked.get('period')
      : periods.last || (now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0'));
    $('month').value = state.month;
    if (!periods.last) {
      message('Det er ikke rapportert noen resultater ennå.');
    }
    return loadUnits().then(loadCard);
  }).catch(failed);
})();
