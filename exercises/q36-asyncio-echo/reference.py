import asyncio

CHUNK = 4096


async def handle_client(reader, writer, idle_timeout=30.0):
    try:
        while True:
            try:
                data = await asyncio.wait_for(reader.read(CHUNK), idle_timeout)
            except asyncio.TimeoutError:
                break  # idle client: give up on it
            if not data:
                break  # end of stream
            writer.write(data)
            await writer.drain()
    except ConnectionResetError:
        pass  # the client went away; nothing to answer
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except ConnectionResetError:
            pass
