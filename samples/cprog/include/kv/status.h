/* Status codes returned by every kv_* function. */
#ifndef KV_STATUS_H
#define KV_STATUS_H

typedef enum kv_status {
    KV_OK = 0,
    KV_NOT_FOUND,
    KV_NO_MEMORY,
    KV_IO_ERROR,
    KV_CORRUPT,
    KV_INVALID
} kv_status;

/* Human-readable name of a status; never NULL. */
const char *kv_strstatus(kv_status st);

#endif /* KV_STATUS_H */
