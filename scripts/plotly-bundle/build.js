'use strict';
// Bundle entry.js into one minified script for the page, and write beside it the licence of
// every package that ended up inside. Options follow plotly.js's own esbuild-config.js.
// Usage: node build.js OUT.min.js

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const esbuild = require('esbuild');

const out = path.resolve(process.argv[2] || 'plotly-map-bar.min.js');
const version = require('plotly.js/package.json').version;

// plotly.js injects its CSS (and maplibre-gl's) from JavaScript, as its own build does; the
// style element's id hashes the path inside node_modules, never the build folder's, so every
// rebuild gives the same bytes.
const inlineCss = {
    name: 'inline-css',
    setup(build) {
        build.onLoad({ filter: /\.css$/ }, (args) => {
            const relative = path.relative(process.cwd(), args.path).split(path.sep).join('/');
            const id = crypto.createHash('sha256').update(relative).digest('hex');
            const css = JSON.stringify(fs.readFileSync(args.path, 'utf8'));
            const contents =
                `if (!document.getElementById('${id}')) {` +
                ` var e = document.createElement('style'); e.id = '${id}';` +
                ` e.textContent = ${css}; document.head.appendChild(e); }`;
            return { contents, loader: 'js' };
        });
    }
};

function packageOf(input) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    return m ? m[1] : null;
}

function licenceText(dir) {
    const names = fs.readdirSync(dir).filter((n) => /^licen[cs]e/i.test(n)).sort();
    return names.length ? fs.readFileSync(path.join(dir, names[0]), 'utf8').trim() : null;
}

async function main() {
    const result = await esbuild.build({
        entryPoints: [path.join(__dirname, 'entry.js')],
        nodePaths: [path.join(process.cwd(), 'node_modules')],
        format: 'iife',
        globalName: 'Plotly',
        bundle: true,
        minify: true,
        write: false,
        metafile: true,
        legalComments: 'eof',
        plugins: [inlineCss],
        alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
        define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': '"false"' },
        target: 'es2016',
        logLevel: 'warning'
    });
    const output = Object.values(result.metafile.outputs)[0];
    const packages = [...new Set(Object.keys(output.inputs).map(packageOf).filter(Boolean))].sort();
    const notices = packages.map((name) => {
        const dir = path.join(process.cwd(), 'node_modules', name);
        const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
        const text = licenceText(dir) || `(the package ships no licence file; package.json: ${meta.license})`;
        return { name, version: meta.version, licence: meta.license, text };
    });
    const banner =
        `/*! plotly.js ${version}, partial bundle: scatter, scattermap and bar traces only.\n` +
        ' * Built from the npm registry by scripts/build-plotly-bundle.sh; the packages inside and\n' +
        ` * their licences: ${path.basename(out)}.LICENSE.txt */\n`;
    fs.writeFileSync(out, banner + Buffer.from(result.outputFiles[0].contents).toString('utf8'));
    const listing = notices.map((n) => `${n.name} ${n.version} (${n.licence})`).join('\n');
    const texts = notices
        .map((n) => `==== ${n.name} ${n.version} (${n.licence}) ====\n\n${n.text}\n`)
        .join('\n');
    fs.writeFileSync(
        `${out}.LICENSE.txt`,
        `${path.basename(out)} bundles these npm packages:\n\n${listing}\n\n${texts}`
    );
    process.stdout.write(`${out}: ${fs.statSync(out).size} bytes, ${packages.length} packages\n`);
}

main().catch((err) => {
    process.stderr.write(`${err.stack || err}\n`);
    process.exit(1);
});
