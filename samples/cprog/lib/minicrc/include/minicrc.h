/* minicrc: CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320). */
#ifndef MINICRC_H
#define MINICRC_H

#include <stddef.h>
#include <stdint.h>

/* Continue a CRC over len more bytes; start with crc = 0. */
uint32_t minicrc32(uint32_t crc, const void *data, size_t len);

#endif
