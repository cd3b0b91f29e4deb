import { build } from 'vite';
import { gzipSync } from 'node:zlib';
const out = await build({ configFile:false, root: process.cwd(), logLevel:'silent', mode:'production',
  resolve:{conditions:['browser','production','import','default']},
  build:{ write:false, minify:true, target:'es2022', lib:{entry:'dist/embed.js', formats:['es'], fileName:()=> 'session-lens.js'},
  rollupOptions:{output:{chunkFileNames:'[name]-[hash].js', minify:true, codeSplitting: { groups: [{ name: (id, ctx) => { const seen=new Set(); const r=(m)=>{ if(seen.has(m)) return false; seen.add(m); const i=ctx.getModuleInfo(m); return !!i && (i.isEntry || i.importers.some(r)); }; return r(id)?'first':null; }, priority:1 }] }}}}});
for (const r of (Array.isArray(out)?out:[out])) for (const c of r.output) if (c.type==='chunk') {
  console.log(c.fileName, c.isEntry, 'gz', gzipSync(c.code,{level:9}).length, 'imports', c.imports.join(','), 'dyn', c.dynamicImports.join(','));
  if (process.argv[2]) for (const m of Object.keys(c.modules)) console.log('   ', m.replace(/.*node_modules\//,'nm/').replace(process.cwd(),''));
}
