# Decide whether the CUDA backend is built. AUTO builds it whenever a CUDA compiler is found.
# CMAKE_CUDA_ARCHITECTURES comes from the command line or a preset. When unset: `native` (CMake's
# convention: the GPUs of this machine) when nvidia-smi lists one, else 90 (Hopper, the H100/H200
# our GPU machines have), so that CI without a GPU proves the code compiles for them. Pass e.g.
# -DCMAKE_CUDA_ARCHITECTURES="80;90" for a binary that also runs on A100s.
set(SPONGEFLOW_HAVE_CUDA OFF)
if(NOT SPONGEFLOW_CUDA STREQUAL "OFF")
  if(NOT CMAKE_CUDA_COMPILER AND EXISTS /usr/local/cuda/bin/nvcc)
    set(CMAKE_CUDA_COMPILER /usr/local/cuda/bin/nvcc)
  endif()
  include(CheckLanguage)
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
      execute_process(COMMAND nvidia-smi -L RESULT_VARIABLE _sf_smi OUTPUT_VARIABLE _sf_gpus
                      ERROR_QUIET)
      if(_sf_smi EQUAL 0 AND _sf_gpus MATCHES "GPU [0-9]")
        set(CMAKE_CUDA_ARCHITECTURES native)
      else()
        set(CMAKE_CUDA_ARCHITECTURES 90)
      endif()
      message(STATUS "spongeflow: CUDA architectures ${CMAKE_CUDA_ARCHITECTURES}")
    endif()
    # One CUDA runtime in every binary: the shared one, which the targets also link explicitly.
    set(CMAKE_CUDA_RUNTIME_LIBRARY Shared)
    enable_language(CUDA)
    find_package(CUDAToolkit REQUIRED)
    set(CMAKE_CUDA_STANDARD 17)
    set(CMAKE_CUDA_STANDARD_REQUIRED ON)
    set(SPONGEFLOW_HAVE_CUDA ON)
  elseif(SPONGEFLOW_CUDA STREQUAL "ON")
    message(FATAL_ERROR "SPONGEFLOW_CUDA=ON but no CUDA compiler (nvcc) was found")
  else()
    message(STATUS "spongeflow: nvcc not found, building the CPU backend only")
  endif()
endif()
