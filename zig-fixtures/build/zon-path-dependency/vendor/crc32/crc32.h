/* CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), bit by bit. */
#include <stddef.h>
#include <stdint.h>

uint32_t crc32_compute(const unsigned char *data, size_t len);
