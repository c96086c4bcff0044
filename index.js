// n8n loads this package's nodes and credentials from the "n8n" section of package.json, not from here.
// This entry exists so `require('n8n-nodes-loyalty')` resolves; it deliberately exports nothing heavy.
module.exports = {};
