set -e
cd /work/main/engine
/work/main/node_modules/.pnpm/esbuild@0.28.2/node_modules/esbuild/bin/esbuild .scratch/prof.mts --bundle --platform=node --format=esm --outfile=.scratch/prof.mjs --log-level=warning
rm -rf .scratch/p; node --cpu-prof --cpu-prof-dir=.scratch/p $@ .scratch/prof.mjs r && node /tmp/scratch/summ.mjs .scratch/p/*.cpuprofile | head -25
