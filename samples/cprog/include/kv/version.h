/* Version of the kv library and tool. */
#pragma once

#define KV_VERSION_MAJOR 1
#define KV_VERSION_MINOR 4
#define KV_VERSION_PATCH 0
#define KV_VERSION_STRING "1.4.0"
