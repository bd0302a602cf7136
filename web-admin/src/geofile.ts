// A parcel or layer file as GeoJSON text: GeoJSON as it is; a zipped ESRI Shapefile (.shp, .shx, .dbf, with .prj and
// .cpg if any) read here in the browser by shpjs — with a .prj its coordinates come as longitude/latitude, without one
// as they are (the server takes both) — and sent as one FeatureCollection.
export async function geoJsonOf(file: File): Promise<string> {
  if (!/\.zip$/i.test(file.name)) return await file.text()
  const shp = (await import('shpjs')).default
  const parsed = await shp(await file.arrayBuffer())
  const collections = Array.isArray(parsed) ? parsed : [parsed]
  return JSON.stringify({ type: 'FeatureCollection', features: collections.flatMap(c => c.features) })
}
