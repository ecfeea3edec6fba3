class MetaClass(type):
    def __new__(cls, name, bases, attrs):
        attrs['custom_method'] = lambda self: "Added by metaclass"
        return super().__new__(cls, name, bases, attrs)


class MyClass(metaclass=MetaClass):
    pass
