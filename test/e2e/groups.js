'use strict';
// The e2e files that spend their time waiting for n8n's once-a-minute polls (n8n 2.41.1 refuses any shorter
// poll): they run in a jest process of their own, all at once, beside the others (scripts/e2e.js), since an
// idle n8n between polls takes next to no CPU from the files that need it.
const POLLING = ['polling', 'polling-all', 'cardlytics-trigger'];

module.exports = { POLLING };
