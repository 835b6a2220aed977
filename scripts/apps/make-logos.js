// Draws the Vitrine app logos (a white "V" on a rounded teal square) into the sidebar's static
// folder. The PNGs are committed; run this again only to change the design:
//   node scripts/apps/make-logos.js
const fs = require('node:fs');
const path = require('node:path');
const { encodePng } = require('./png');

const TEAL = [3, 105, 110];
const WHITE = [255, 255, 255];

/** Distance from point p to segment a–b, all in unit coordinates. */
function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage (0–1) of the shape at unit coordinates (u, v), for 4×4 supersampling. */
function shape(u, v) {
  const radius = 0.18;
  const cx = Math.min(Math.max(u, radius), 1 - radius);
  const cy = Math.min(Math.max(v, radius), 1 - radius);
  if (Math.hypot(u - cx, v - cy) > radius) return null;
  const stroke = 0.075;
  const inV =
    distanceToSegment(u, v, 0.27, 0.27, 0.5, 0.76) < stroke ||
    distanceToSegment(u, v, 0.73, 0.27, 0.5, 0.76) < stroke;
  return inV ? WHITE : TEAL;
}

function drawLogo(size) {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shape((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
      const hits = sum[3] / 255;
      const offset = (y * size + x) * 4;
      if (hits === 0) continue;
      rgba[offset] = Math.round(sum[0] / hits);
      rgba[offset + 1] = Math.round(sum[1] / hits);
      rgba[offset + 2] = Math.round(sum[2] / hits);
      rgba[offset + 3] = Math.round(sum[3] / (samples * samples));
    }
  }
  return encodePng(size, size, rgba);
}

if (require.main === module) {
  const target = path.join(__dirname, '../../apps/ticket-sidebar/src/static');
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, 'logo.png'), drawLogo(320));
  fs.writeFileSync(path.join(target, 'logo-small.png'), drawLogo(128));
  console.log(`logos written to ${path.relative(process.cwd(), target)}`);
}

module.exports = { drawLogo };
