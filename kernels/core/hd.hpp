// Marks functions callable from host and device code. Physics is written once with SF_HD and
// compiled by g++ for the OpenMP backend and by nvcc for the CUDA backend.
#pragma once

#if defined(__CUDACC__)
#define SF_HD __host__ __device__
#define SF_FORCEINLINE __forceinline__
#else
#define SF_HD
#define SF_FORCEINLINE inline __attribute__((always_inline))
#endif
