declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, any>
  export default component
}

// shpjs (zipped Shapefiles read in the browser) ships no types: it gives GeoJSON
declare module 'shpjs' {
  export default function shp(data: ArrayBuffer): Promise<any>
}
