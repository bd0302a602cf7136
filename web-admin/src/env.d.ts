// Vue's own shim for tools that read .vue imports without Vue's compiler; vue-tsc and Vite read the components
// themselves, with their real types. Its any (the component's data) is Vue's, as in every Vite template.
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, any>
  export default component
}

// shpjs (zipped Shapefiles read in the browser) ships no types: it gives a GeoJSON FeatureCollection, or one per
// Shapefile in the zip (each with the file's name)
declare module 'shpjs' {
  export interface ShpCollection { type: 'FeatureCollection'; features: unknown[]; fileName?: string }
  export default function shp(data: ArrayBuffer): Promise<ShpCollection | ShpCollection[]>
}
