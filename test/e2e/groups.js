'use strict';
// The e2e files that run in a second jest process, all at once, beside the others (scripts/e2e.js): those
// that spend their time waiting for n8n's once-a-minute polls (n8n 2.41.1 refuses any shorter poll), since an
// idle n8n between polls takes next to no CPU from the files that need it, and the editor test, which mostly
// waits on the page and counts nothing against the clock (the busy files beside it do not mind it either).
const POLLING = ['polling', 'polling-all', 'cardlytics-trigger'];
const BESIDE = [...POLLING, 'editor'];

module.exports = { POLLING, BESIDE };
