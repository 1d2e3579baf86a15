# Thrust provides both launch systems: OpenMP (always) and CUDA (when built). We take it from the
# CUDA toolkit's CCCL when present, otherwise from Debian's libthrust-dev.
set(_sf_thrust_hints)
if(EXISTS /usr/local/cuda/include/cccl/thrust/version.h)
  list(APPEND _sf_thrust_hints /usr/local/cuda/include/cccl)
endif()
if(SPONGEFLOW_HAVE_CUDA AND EXISTS "${CUDAToolkit_INCLUDE_DIRS}/cccl/thrust/version.h")
  list(PREPEND _sf_thrust_hints "${CUDAToolkit_INCLUDE_DIRS}/cccl")
endif()
find_path(SPONGEFLOW_THRUST_INCLUDE_DIR thrust/version.h HINTS ${_sf_thrust_hints}
          PATHS /usr/include /usr/local/include)
if(NOT SPONGEFLOW_THRUST_INCLUDE_DIR)
  message(FATAL_ERROR "Thrust not found: install the CUDA toolkit or Debian's libthrust-dev")
endif()
message(STATUS "spongeflow: Thrust from ${SPONGEFLOW_THRUST_INCLUDE_DIR}")

add_library(sf_thrust INTERFACE)
target_include_directories(sf_thrust SYSTEM INTERFACE ${SPONGEFLOW_THRUST_INCLUDE_DIR})
# Translation units compiled by the host compiler use Thrust's OpenMP system as "device".
target_compile_definitions(sf_thrust INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:THRUST_DEVICE_SYSTEM=THRUST_DEVICE_SYSTEM_OMP>)
target_link_libraries(sf_thrust INTERFACE OpenMP::OpenMP_CXX)
