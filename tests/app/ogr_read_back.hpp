// A vector file read back with GDAL/OGR's C API, as QGIS would: the first layer's CRS (its EPSG
// code) and the first feature's extent, for the tests of the GeoJSON writers' "crs" member.
#pragma once

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cstdlib>
#include <string>

namespace sf::test {

struct OgrReadBack {
  bool opened = false;
  int epsg = 0;  // of the layer's CRS, 0 without one or without an EPSG code
  int features = 0;
  double min_x = 0, max_x = 0, min_y = 0, max_y = 0;  // the first feature's extent
};

inline OgrReadBack read_back_with_ogr(const std::string& path) {
  GDALAllRegister();
  OgrReadBack out;
  GDALDatasetH ds =
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!ds) return out;
  out.opened = true;
  OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
  if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
    const char* name = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    if (name && code && std::string(name) == "EPSG") out.epsg = std::atoi(code);
  }
  out.features = int(OGR_L_GetFeatureCount(layer, TRUE));
  OGR_L_ResetReading(layer);
  if (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    OGREnvelope e;
    OGR_G_GetEnvelope(OGR_F_GetGeometryRef(f), &e);
    out.min_x = e.MinX;
    out.max_x = e.MaxX;
    out.min_y = e.MinY;
    out.max_y = e.MaxY;
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  return out;
}

/// The ESRI form of EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E) as ArcGIS writes a .prj:
/// no AUTHORITY nodes, so the writers must identify the code (gdalsrsinfo -o wkt_esri EPSG:4547).
inline const char* esri_prj_epsg_4547() {
  return "PROJCS[\"CGCS2000_3_Degree_GK_CM_114E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_"
         "2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],"
         "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_"
         "Kruger\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
         "PARAMETER[\"Central_Meridian\",114.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER["
         "\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
}

}  // namespace sf::test
