/**
 * The world map of a programme's partnerships, drawn on the server as SVG (no tiles, nothing from
 * another host). Shapes: Natural Earth 1:110m from `world-atlas`, converted with `topojson-client`
 * and projected with `d3-geo` (Equal Earth) once per process into integer coordinates on a 1000-unit
 * wide view box; tiny islands are dropped. The land is one background path; only the countries of
 * the programme's exchanges are drawn on top, shaded by their number of exchanges, with a curve per
 * host–peer country pair. Colours only carry what the table beside the map says in words.
 */
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath, geoCentroid, geoArea, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import countriesLib from 'i18n-iso-countries';

const require = createRequire(import.meta.url);

export const MAP_WIDTH = 1000;

/** A path context that writes integer coordinates, relative after the first point, skips repeated points and drops rings smaller than `minRing` units across. */
class IntPath {
  out: string[] = [];
  private ring: [number, number][] = [];
  private readonly minRing: number;
  constructor(minRing: number) {
    this.minRing = minRing;
  }
  moveTo(x: number, y: number) {
    this.flush();
    this.ring = [[Math.round(x), Math.round(y)]];
  }
  lineTo(x: number, y: number) {
    const p: [number, number] = [Math.round(x), Math.round(y)];
    const last = this.ring[this.ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) this.ring.push(p);
  }
  closePath() {
    this.flush(true);
  }
  arc() {}
  flush(closed = false) {
    const r = this.ring;
    this.ring = [];
    if (r.length < 2) return;
    const xs = r.map((p) => p[0]);
    const ys = r.map((p) => p[1]);
    if (closed && Math.max(...xs) - Math.min(...xs) < this.minRing && Math.max(...ys) - Math.min(...ys) < this.minRing) return;
    let s = `M${r[0]![0]} ${r[0]![1]}`;
    for (let i = 1; i < r.length; i++) s += `l${r[i]![0] - r[i - 1]![0]} ${r[i]![1] - r[i - 1]![1]}`.replace(/ -/g, '-');
    this.out.push(closed ? `${s}z` : s);
  }
  result(): string {
    this.flush();
    const s = this.out.join('');
    this.out = [];
    return s;
  }
}

export type BaseMap = {
  width: number;
  height: number;
  /** All land, one path. */
  land: string;
  /** Per ISO 3166-1 numeric code: the country's path ('' when too small to draw) and its centroid on the map. */
  countries: Map<string, { d: string; x: number; y: number }>;
};

let cached: BaseMap | null = null;

/** The projected base map, computed once per process. */
export function baseMap(): BaseMap {
  if (cached) return cached;
  const landTopo = require('world-atlas/land-110m.json') as Topology;
  const countriesTopo = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
  const land = feature(landTopo, landTopo.objects.land as GeometryCollection) as unknown as FeatureCollection;
  const countries = feature(countriesTopo, countriesTopo.objects.countries) as unknown as FeatureCollection<Geometry, { name: string }>;
  // Antarctica is left out: no municipality there, and it takes a fifth of the height.
  const notAntarctica = <T extends Feature>(f: T) => String(f.id) !== '010';
  const landNoAq: FeatureCollection = { type: 'FeatureCollection', features: countries.features.filter(notAntarctica) };
  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, landNoAq as GeoPermissibleObjects);
  const bounds = geoPath(projection).bounds(landNoAq as GeoPermissibleObjects);
  const height = Math.ceil(bounds[1][1] + 2);
  const ctx = new IntPath(3);
  const path = geoPath(projection, ctx as unknown as CanvasRenderingContext2D);
  path({ type: 'FeatureCollection', features: land.features.map((f) => ({ ...f, geometry: clipAntarctica(f.geometry) })) } as GeoPermissibleObjects);
  const landD = ctx.result();
  const map = new Map<string, { d: string; x: number; y: number }>();
  for (const f of countries.features) {
    if (!notAntarctica(f) || f.id === undefined) continue;
    path(f as GeoPermissibleObjects);
    const d = ctx.result();
    const [x, y] = projection(mainCentroid(f)) ?? [0, 0];
    map.set(String(f.id).padStart(3, '0'), { d, x: Math.round(x), y: Math.round(y) });
  }
  cached = { width: MAP_WIDTH, height, land: landD, countries: map };
  centroidFallback = (numeric: string) => fallbackPoint(numeric, projection);
  return cached;
}

/** The centroid of a country's largest polygon, so that France's curves start in Europe, not between Paris and Cayenne. */
function mainCentroid(f: Feature): [number, number] {
  const g = f.geometry;
  if (g?.type !== 'MultiPolygon') return geoCentroid(f as GeoPermissibleObjects);
  const polys = g.coordinates.map((coordinates) => ({ type: 'Polygon' as const, coordinates }));
  const largest = polys.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  return geoCentroid(largest);
}

/** Drops the polygons of a land geometry lying south of 60°S (Antarctica). */
function clipAntarctica(g: Geometry | null): Geometry | null {
  if (!g || g.type !== 'MultiPolygon') return g;
  return { ...g, coordinates: g.coordinates.filter((poly) => poly[0]!.some(([, lat]) => lat! > -60)) };
}

let centroidFallback: ((numeric: string) => { x: number; y: number } | null) | null = null;
let detailed: FeatureCollection | null = null;

/** A country too small for the 1:110m shapes (Cabo Verde, Singapore, …): its centroid from the 1:50m shapes, drawn as a dot. */
function fallbackPoint(numeric: string, projection: ReturnType<typeof geoEqualEarth>): { x: number; y: number } | null {
  if (!detailed) {
    const topo = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
    detailed = feature(topo, topo.objects.countries) as unknown as FeatureCollection;
  }
  const f = detailed.features.find((x) => String(x.id).padStart(3, '0') === numeric);
  if (!f) return null;
  const p = projection(mainCentroid(f));
  return p ? { x: Math.round(p[0]), y: Math.round(p[1]) } : null;
}

const fallbackCache = new Map<string, { x: number; y: number } | null>();

/** Where a country (ISO alpha-2) is on the map, with its shape when the 1:110m atlas has one. */
export function countryOnMap(alpha2: string): { d: string; x: number; y: number } | null {
  const m = baseMap();
  const numeric = countriesLib.alpha2ToNumeric(alpha2);
  if (!numeric) return null;
  const hit = m.countries.get(numeric);
  if (hit) return hit;
  if (!fallbackCache.has(numeric)) fallbackCache.set(numeric, centroidFallback?.(numeric) ?? null);
  const p = fallbackCache.get(numeric);
  return p ? { d: '', ...p } : null;
}

/** Fill shades for 1, 2–3, 4–9 and 10+ exchanges, each darker than the one before and at least 3.3:1 against the land (#e4e4e4); the link colour is 4.5:1 on the land and drawn over a white halo. */
export const SHADES = ['#4f7fb0', '#2f5f94', '#1b4272', '#0b2547'] as const;
export const LAND = '#e4e4e4';
export const LINK = '#b4410f';
/** Partnerships (dashed): 8.6:1 on white, 6.8:1 on the land. */
export const PARTNERSHIP = '#5b3a8c';

export function shadeOf(n: number): string {
  return n >= 10 ? SHADES[3] : n >= 4 ? SHADES[2] : n >= 2 ? SHADES[1] : SHADES[0];
}

export type MapPair = { host: string; peer: string; n: number };
export type MapCountry = { code: string; asHost: number; asPeer: number };

/** The shapes, dots and curves of a programme's map, as SVG elements in strings of attributes (the view escapes nothing here: all values are numbers and fixed colours). */
export function partnershipShapes(countries: MapCountry[], pairs: MapPair[], partnerships: { a: string; b: string; n: number }[] = []) {
  const m = baseMap();
  const shapes: { d: string; fill: string }[] = [];
  const dots: { x: number; y: number; fill: string }[] = [];
  for (const c of countries) {
    const at = countryOnMap(c.code);
    if (!at) continue;
    const fill = shadeOf(c.asHost + c.asPeer);
    if (at.d) shapes.push({ d: at.d, fill });
    else dots.push({ x: at.x, y: at.y, fill });
  }
  const max = Math.max(1, ...pairs.map((p) => p.n));
  const curves: { d: string; width: number }[] = [];
  for (const p of pairs) {
    const a = countryOnMap(p.host);
    const b = countryOnMap(p.peer);
    if (!a || !b || (a.x === b.x && a.y === b.y)) continue;
    // A quadratic curve bowed to one side by a fifth of the distance.
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const cx = Math.round(mx - dy * 0.2);
    const cy = Math.round(my + dx * 0.2);
    curves.push({ d: `M${a.x} ${a.y}Q${cx} ${cy} ${b.x} ${b.y}`, width: Math.round((1.5 + (3.5 * p.n) / max) * 10) / 10 });
  }
  // Partnerships: one thin dashed curve per pair of countries, bowed to the other side.
  const links: { d: string }[] = [];
  for (const p of partnerships) {
    const a = countryOnMap(p.a);
    const b = countryOnMap(p.b);
    if (!a || !b || (a.x === b.x && a.y === b.y)) continue;
    const cx = Math.round((a.x + b.x) / 2 + (b.y - a.y) * 0.2);
    const cy = Math.round((a.y + b.y) / 2 - (b.x - a.x) * 0.2);
    links.push({ d: `M${a.x} ${a.y}Q${cx} ${cy} ${b.x} ${b.y}` });
  }
  return { width: m.width, height: m.height, land: m.land, shapes, dots, curves, links };
}
