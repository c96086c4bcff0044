// Copies the files tsc does not emit into dist: codex files (*.node.json) and icons (svg/png).
// `n8n-node build` already copies icons; this keeps the codex files next to their nodes so n8n's node
// panel gets categories and documentation links. It is a plain function, so it runs both as a gulp task
// (`gulp build:icons` if gulp is installed) and directly (`node gulpfile.js`, used by `npm run build`).
const fs = require('node:fs');
const path = require('node:path');

const ROOT = __dirname;
const SOURCES = ['nodes', 'credentials'];
// Output schemas (__schema__/v1.0.0/<resource>/<operation>.json) let the editor map a node's fields before it ran.
const PATTERN = /(\.node\.json|\.svg|\.png|\/__schema__\/.+\.json)$/;

function walk(dir, out) {
	if (!fs.existsSync(dir)) return out;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, out);
		else if (PATTERN.test(full.split(path.sep).join('/'))) out.push(full);
	}
	return out;
}

function copyAssets(done) {
	let copied = 0;
	for (const source of SOURCES) {
		for (const file of walk(path.join(ROOT, source), [])) {
			const dest = path.join(ROOT, 'dist', path.relative(ROOT, file));
			fs.mkdirSync(path.dirname(dest), { recursive: true });
			fs.copyFileSync(file, dest);
			copied++;
		}
	}
	if (typeof done === 'function') done();
	return copied;
}

exports['build:icons'] = copyAssets;
exports.default = copyAssets;

if (require.main === module) {
	const n = copyAssets();
	console.log(`gulpfile: copied ${n} icon and codex files into dist/`);
}
